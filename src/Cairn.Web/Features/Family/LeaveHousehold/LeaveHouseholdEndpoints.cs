using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.LeaveHousehold;

public sealed class LeaveHouseholdEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/households/{householdId:guid}/leave", HandleAsync)
            .WithName("LeaveHousehold")
            .WithSummary("Records that the person moved out of the household on a date (today or earlier); the membership is kept as history. "
                + "Send the household's version you read; a stale version is 409.")
            .WithTags("Family");

    private static async Task<Results<Ok<LeftHousehold>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Guid householdId, LeaveHouseholdCommand command, LeaveHouseholdHandler handler, CancellationToken cancellationToken) =>
        (await handler.LeaveAsync(new PersonId(id), new HouseholdId(householdId), command, cancellationToken)).ToApiResult();
}
