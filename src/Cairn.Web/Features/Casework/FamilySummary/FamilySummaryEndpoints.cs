using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Casework.FamilySummary;

public sealed class FamilySummaryEndpoints : IEndpoints
{
    private const string Summary = "The family's summary of the child's plans (L54): who is involved and how to reach them, what each plan in force "
                                   + "says each person will do and by when, and what was decided. Only about this child: nothing restricted, "
                                   + "nothing about anyone else.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/family-summary", GetAsync)
            .WithName("GetFamilySummary")
            .WithSummary(Summary)
            .WithTags("Assessments and plans");

    private static async Task<Results<Ok<FamilySummaryView>, NotFound>> GetAsync(Guid id, FamilySummaryHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
