using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Alerts.AlertReviews;

public sealed class AlertReviewsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/alerts/reviews", GetAsync)
            .WithName("GetAlertReviews")
            .WithSummary("The caller's own active alerts, soonest review first; overdue ones are flagged.")
            .WithTags("Alerts");

    private static async Task<Ok<AlertReviewList>> GetAsync(AlertReviewsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(cancellationToken));
}
