using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.People.CreatePerson;

public sealed class CreatePersonEndpoints : IEndpoints
{
    private const string Summary =
        "Creates a child or adult record. A child's creator joins the team around the child in the role given. "
        + "Possible duplicates (same NHS number, or a likely match by name and date of birth, one slip allowed) give 409 with"
        + " their ids, scores and reasons, unless confirmedNotDuplicate is true and notDuplicateReason says why this is a different person.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people", async (CreatePersonCommand command, CreatePersonHandler handler, CancellationToken cancellationToken) =>
            {
                var handled = await handler.HandleAsync(command, cancellationToken);
                if (handled.Value is { ReasonMissing: true })
                {
                    return (IResult)Problems.Invalid(nameof(CreatePersonCommand.NotDuplicateReason), ReasonNeeded);
                }

                return handled.Value?.Duplicates is { } duplicates
                    ? PossibleDuplicate(duplicates)
                    : handled.Then(result => new CreatedPerson(result.Created!.Value)).ToCreatedResult(c => $"/api/v1/people/{c.Id.Value}");
            })
            .WithName("CreatePerson")
            .WithSummary(Summary)
            .WithTags("People");

    public const string ReasonNeeded = "Enter why this is a different person from the possible matches";

    /// <summary>409 naming only the matches the caller may open; the rest are a count, as on the page.</summary>
    private static ProblemHttpResult PossibleDuplicate(PossibleDuplicates duplicates) =>
        TypedResults.Problem(
            title: "This person may already have a record",
            detail: "Check the possible matches. If this is a different person, send the request again with confirmedNotDuplicate set to true"
                + " and notDuplicateReason saying why.",
            statusCode: StatusCodes.Status409Conflict,
            type: "https://cairn.example/problems/possible-duplicate",
            extensions: new Dictionary<string, object?>
            {
                ["matches"] = duplicates.Visible.Select(m => m.Id.Value).ToList(),
                ["matchDetails"] = duplicates.Visible.Select(m => new { id = m.Id.Value, score = m.Score, reasons = m.Reasons }).ToList(),
                ["otherMatches"] = duplicates.Hidden,
            });
}
