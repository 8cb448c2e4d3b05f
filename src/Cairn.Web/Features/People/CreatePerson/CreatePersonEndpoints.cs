using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.People.CreatePerson;

public sealed class CreatePersonEndpoints : IEndpoints
{
    private const string Summary =
        "Creates a child or adult record. A child's creator joins the team around the child in the role given. "
        + "Possible duplicates (same NHS number, or similar name and date of birth) give 409 unless confirmedNotDuplicate is true.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people", async (CreatePersonCommand command, CreatePersonHandler handler, CancellationToken cancellationToken) =>
            {
                var handled = await handler.HandleAsync(command, cancellationToken);
                return handled.Value?.Duplicates is { } duplicates
                    ? PossibleDuplicate(duplicates)
                    : handled.Then(result => new CreatedPerson(result.Created!.Value)).ToCreatedResult(c => $"/api/v1/people/{c.Id.Value}");
            })
            .WithName("CreatePerson")
            .WithSummary(Summary)
            .WithTags("People");

    /// <summary>409 naming only the matches the caller may open; the rest are a count, as on the page.</summary>
    private static ProblemHttpResult PossibleDuplicate(PossibleDuplicates duplicates) =>
        TypedResults.Problem(
            title: "This person may already have a record",
            detail: "Check the possible matches. If this is a different person, send the request again with confirmedNotDuplicate set to true.",
            statusCode: StatusCodes.Status409Conflict,
            type: "https://cairn.example/problems/possible-duplicate",
            extensions: new Dictionary<string, object?>
            {
                ["matches"] = duplicates.Visible.Select(m => m.Id.Value).ToList(),
                ["otherMatches"] = duplicates.Hidden,
            });
}
