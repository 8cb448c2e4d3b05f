using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.Inbox;

public sealed class InboxEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/shares", GetAsync)
            .WithName("ListShares")
            .WithSummary("The caller's shares: box=Me (named to me), Team, Agency, Sent (mine, not yet done) or Overdue; most urgent and soonest due first, with counts for every box.")
            .WithTags("Shares");
        api.MapGet("/shares/emergency-duty", QueueAsync)
            .WithName("EmergencyDutyQueue")
            .WithSummary("Urgent shares that arrived out of hours and are held for the Emergency Duty Team until the next working morning; most urgent and oldest first. Emergency Duty Team and safeguarding leads only (otherwise 403).")
            .WithTags("Shares");
    }

    private static async Task<Ok<InboxView>> GetAsync(InboxBox? box, InboxHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(box ?? InboxBox.Me, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<InboxItem>>, ForbidHttpResult>> QueueAsync(InboxHandler handler, CancellationToken cancellationToken) =>
        await handler.EmergencyDutyQueueAsync(cancellationToken) is { } queue ? TypedResults.Ok(queue) : TypedResults.Forbid();
}
