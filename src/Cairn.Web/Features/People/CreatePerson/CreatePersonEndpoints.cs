using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.People.CreatePerson;

public sealed class CreatePersonEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people", HandleAsync)
            .WithName("CreatePerson")
            .WithSummary("Creates a child or adult record. A child's creator joins the team around the child in the role given. " +
                "Possible duplicates (same NHS number, or similar name and date of birth) give 409 unless confirmedNotDuplicate is true.")
            .WithTags("People");

    private static async Task<Results<Created<CreatedPerson>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreatePersonCommand command, CreatePersonHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            return refusal.ToProblem();
        }

        if (result.Duplicates is { } duplicates)
        {
            // Only matches the caller may open are identified; the rest are a count, as on the page.
            return TypedResults.Problem(
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

        var id = result.Created!.Value;
        return TypedResults.Created($"/api/v1/people/{id.Value}", new CreatedPerson(id));
    }
}
