using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.ListPlans;

public sealed class ListPlansEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/plans", GetAsync)
            .WithName("ListPlans")
            .WithSummary("A child's plans, newest first: type, status, lead, the version in force, whether a revision is being drafted "
                         + "and how many actions are overdue.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChildPlans>, NotFound>> GetAsync(Guid id, ListPlansHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();
}
