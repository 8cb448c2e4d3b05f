using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Notifications;

public sealed class NotificationsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications", async (NotificationsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListNotifications").WithSummary("The caller's notifications, newest first (at most 100).").WithTags("Notifications");
        api.MapPost("/notifications/read", ReadAsync)
            .WithName("MarkNotificationsRead")
            .WithSummary("Marks all the caller's notifications read; returns how many changed.")
            .WithTags("Notifications");
    }

    private static async Task<Ok<int>> ReadAsync(NotificationsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.MarkAllReadAsync(cancellationToken));
}
