using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Alerts.ReviewAlert;

public sealed class ReviewAlertEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/alerts/{id:guid}", GetAsync)
            .WithName("GetAlert")
            .WithSummary("One alert with its history of reviews.")
            .WithTags("Alerts");
        api.MapPost("/alerts/{id:guid}/review",
                async (Guid id, ReviewAlertCommand command, ReviewAlertHandler handler, CancellationToken cancellationToken) =>
                    (await handler.ReviewAsync(new AlertId(id), command, cancellationToken)).ToApiResult())
            .WithName("ReviewAlert")
            .WithSummary("Records that the alert still stands, with the next review date and why. Send the version you read; a stale version is 409.")
            .WithTags("Alerts");
    }

    private static async Task<Results<Ok<AlertDetails>, NotFound>> GetAsync(Guid id, ReviewAlertHandler handler, CancellationToken cancellationToken)
    {
        var alert = await handler.HandleAsync(new AlertId(id), cancellationToken);
        return alert is null ? TypedResults.NotFound() : TypedResults.Ok(alert);
    }
}
