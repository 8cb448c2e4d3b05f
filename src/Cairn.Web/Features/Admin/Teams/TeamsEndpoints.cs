using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Admin.Teams;

public sealed class TeamsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/teams", async (TeamsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetTeams").WithSummary("The teams in your area (agency, team, current manager, number of active members). Administrators only.")
            .WithTags("Administration");
        api.MapGet("/admin/teams/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetTeam")
            .WithSummary("One team: its manager, the professionals who may manage it (active, in its agency, with the team manager role), its version and every change of manager with its reason. A team outside your area is 404. Administrators only.")
            .WithTags("Administration");
        api.MapPost("/admin/teams/{id:guid}/manager",
                async (Guid id, ChangeManagerCommand command, TeamsHandler handler, CancellationToken ct) =>
                    (await handler.ChangeManagerAsync(new TeamId(id), command, ct)).ToChangeResult("The team has changed"))
            .RequireAuthorization(Policies.Administrator)
            .WithName("ChangeTeamManager")
            .WithSummary("Sets or changes a team's manager, the first rung of escalation for overdue shares to the team. The manager must be an active professional in the team's agency with the team manager role. Send the reason (at least 20 characters) and the version you read; a stale version is 409 and changes nothing. A team outside your area is 404. Administrators only.")
            .WithTags("Administration");
    }

    private static async Task<Results<Ok<TeamDetails>, NotFound>> GetAsync(Guid id, TeamsHandler handler, CancellationToken ct) =>
        await handler.ViewAsync(new TeamId(id), ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();
}
