using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.Inbox;

public sealed record InboxCounts(int Me, int Team, int Agency, int Sent, int Overdue)
{
    /// <summary>What needs someone to confirm receipt or act: shown in the header.</summary>
    public int Waiting => Me + Team + Agency;
}

public sealed record InboxView(InboxBox Box, InboxCounts Counts, IReadOnlyList<InboxItem> Items);

/// <summary>
/// Where people work on shares (L01): what has arrived for me, my team and my agency, what I sent that is not yet
/// done, and what is overdue, most urgent and soonest due first. The Emergency Duty Team's queue is separate.
/// </summary>
public sealed class InboxHandler(CairnDbContext db, ShareAccessService shares, ShareBoxes boxes, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 200;

    public async Task<InboxView> HandleAsync(InboxBox box, CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var counts = new InboxCounts(
            await boxes.Box(InboxBox.Me, viewer, now).CountAsync(cancellationToken),
            await boxes.Box(InboxBox.Team, viewer, now).CountAsync(cancellationToken),
            await boxes.Box(InboxBox.Agency, viewer, now).CountAsync(cancellationToken),
            await boxes.Box(InboxBox.Sent, viewer, now).CountAsync(cancellationToken),
            await boxes.Box(InboxBox.Overdue, viewer, now).CountAsync(cancellationToken));
        var items = await boxes.ItemsAsync(boxes.Box(box, viewer, now).OrderBy(s => s.Urgency).ThenBy(s => s.DueAt).Take(Limit), now,
            cancellationToken);
        audit.Record("shares.inbox.view", null, "share", null, "allowed", $"{box}:{items.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return new InboxView(box, counts, items);
    }
}

public sealed class InboxEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/shares", GetAsync)
            .WithName("ListShares")
            .WithSummary("The caller's shares: box=Me (named to me), Team, Agency, Sent (mine, not yet done) or Overdue; most urgent "
                + "and soonest due first, with counts for every box.")
            .WithTags("Shares");

    private static async Task<Ok<InboxView>> GetAsync(InboxBox? box, InboxHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(box ?? InboxBox.Me, cancellationToken));
}
