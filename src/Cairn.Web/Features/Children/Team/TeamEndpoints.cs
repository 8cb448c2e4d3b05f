using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.Team;

public sealed class TeamEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/team", GetAsync)
            .WithName("GetTeamAroundChild")
            .WithSummary("The professionals currently involved with the child, with how to reach them, and those involved before.")
            .WithTags("Team around the child");

    private static async Task<Results<Ok<TeamView>, NotFound>> GetAsync(Guid id, TeamHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();
}
