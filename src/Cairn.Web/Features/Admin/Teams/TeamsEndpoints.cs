using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Admin.Teams;

public sealed class TeamsEndpoints : IEndpoints
{
    private const string TeamSummary =
        "One team: its manager, the professionals who may manage it (active, in its agency, with the team manager role), its version"
        + " and every change of manager with its reason. A team outside your area is 404. Administrators only.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/admin/teams", async (ListTeamsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetTeams")
            .WithSummary("The teams in your area (agency, team, current manager, number of active members). Administrators only.")
            .WithTags("Administration");
        api.MapGet("/admin/teams/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("GetTeam")
            .WithSummary(TeamSummary)
            .WithTags("Administration");
    }

    private static async Task<Results<Ok<TeamDetails>, NotFound>> GetAsync(Guid id, TeamDetailsHandler handler, CancellationToken ct) =>
        await handler.ViewAsync(new TeamId(id), ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();
}
