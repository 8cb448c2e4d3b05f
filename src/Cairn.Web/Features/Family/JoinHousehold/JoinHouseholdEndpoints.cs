using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.JoinHousehold;

public sealed class JoinHouseholdEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/households", HandleAsync)
            .WithName("JoinHousehold")
            .WithSummary("Puts the person in a household from a date: send householdId to join an existing one (a household none of whose members "
                + "you may open is 404), or newHouseholdName to start one.")
            .WithTags("Family");

    private static async Task<Results<Created<JoinedHousehold>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, JoinHouseholdCommand command, JoinHouseholdHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/family");
}
