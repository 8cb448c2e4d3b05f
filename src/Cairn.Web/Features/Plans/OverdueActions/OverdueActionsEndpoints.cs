using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.OverdueActions;

public sealed class OverdueActionsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plan-actions/overdue", GetAsync)
            .WithName("OverduePlanActions")
            .WithSummary("The signed-in professional's overdue plan actions, and for a team manager those of their team's workers (L23): "
                         + "oldest due date first, 25 a page (?page=N), with the total.")
            .WithTags("Plans");

    private static async Task<Ok<OverdueActionsPage>> GetAsync(OverdueActionsHandler handler, CancellationToken cancellationToken,
        int page = 1) =>
        TypedResults.Ok(await handler.HandleAsync(page, cancellationToken));
}
