using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Casework.ViewMap;

public sealed class ViewMapEndpoints : IEndpoints
{
    private const string Summary = "The child's plans-and-assessments map (L27): every assessment and plan by any agency with its dates, status and "
                                   + "currency (L25), section 47 enquiries, what rests on which assessment, and what is missing: parents and "
                                   + "carers without a current parenting capacity assessment where one is required (L32).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/plans-and-assessments", GetAsync)
            .WithName("GetPlansAndAssessmentsMap")
            .WithSummary(Summary)
            .WithTags("Assessments and plans");

    private static async Task<Results<Ok<CaseworkMap>, NotFound>> GetAsync(Guid id, ViewMapHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } map ? TypedResults.Ok(map) : TypedResults.NotFound();
}
