using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.People.FindPerson;

public sealed class FindPersonEndpoints : IEndpoints
{
    private const string Summary =
        "Ranks people the caller may open by how well they match the name (slips, sound-alikes, nicknames and previous names"
        + " included), date of birth (yyyy-MM-dd; one slip out still counts), NHS number (decisive) and current postcode. Each term"
        + " is evidence, not a filter; at most 50 results, best first, each with its rank, score and reasons.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people", HandleAsync)
            .WithName("FindPeople")
            .WithSummary(Summary)
            .WithTags("People");

    /// <remarks>
    /// The date of birth arrives as text and is parsed here: bound as a DateOnly, a mistyped date would fail
    /// binding before the handler runs and reach the caller as a server error rather than a named problem.
    /// </remarks>
    private static async Task<Results<Ok<FoundPeople>, ValidationProblem>> HandleAsync(
        string? name, string? dateOfBirth, string? nhsNumber, string? postcode, FindPersonHandler handler,
        CancellationToken cancellationToken)
    {
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (!DateOnly.TryParseExact(dateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Problems.Invalid(nameof(FindPersonQuery.DateOfBirth), FindPersonHandler.InvalidDateOfBirth);
            }

            dob = parsed;
        }

        var found = await handler.HandleAsync(new FindPersonQuery(name, dob, nhsNumber, postcode), cancellationToken);
        return found.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(found.Value!);
    }
}
