using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Admin.ChangeTeamManager;

public sealed class ChangeTeamManagerEndpoints : IEndpoints
{
    private const string Summary =
        "Sets or changes a team's manager, the first rung of escalation for overdue shares to the team. The manager must be an active"
        + " professional in the team's agency with the team manager role. Send the reason (at least 20 characters) and the version"
        + " you read; a stale version is 409 and changes nothing. A team outside your area is 404. Administrators only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/admin/teams/{id:guid}/manager",
                async (Guid id, ChangeManagerCommand command, ChangeTeamManagerHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(new TeamId(id), command, ct)).ToApiResult())
            .RequireAuthorization(Policies.Administrator)
            .WithName("ChangeTeamManager")
            .WithSummary(Summary)
            .WithTags("Administration");
}
