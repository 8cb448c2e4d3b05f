using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.People.FindPerson;

public sealed class FindPersonEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people", HandleAsync)
            .WithName("FindPeople")
            .WithSummary("Finds people the caller may open by name (typo-tolerant, previous names included), date of birth, NHS number and current postcode. Every term given must match; at most 50 results, best first.")
            .WithTags("People");

    private static async Task<Results<Ok<FoundPeople>, ValidationProblem>> HandleAsync(
        string? name, DateOnly? dateOfBirth, string? nhsNumber, string? postcode, FindPersonHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new FindPersonQuery(name, dateOfBirth, nhsNumber, postcode), cancellationToken);
        return outcome.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(outcome.Value!);
    }
}
