using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

/// <summary>
/// How one step on a share is taken, whichever step it is (L01): only by someone who may see the share; the domain
/// decides whether the step is allowed; the step goes into each child's chronology, the sender is told, every child's
/// record gets an audit entry, and it is saved once, refused as a conflict if someone else acted first.
/// </summary>
public sealed class ShareStepRunner(CairnDbContext db, ShareAccessService shares, CurrentUser user, AuditLog audit, TimeProvider clock,
    ShareSteps steps)
{
    /// <param name="action">The audit action, also the notification kind: "share.receive".</param>
    /// <param name="step">The domain step; a refusal stops here and, unless it is a conflict, is audited as refused.</param>
    /// <param name="summary">What the chronology says, given the share after the step and who took it.</param>
    /// <param name="notifySender">What the sender is told, or null to tell no one.</param>
    public async Task<Handled<ShareStepDone>> RunAsync(ShareId id, string action, Func<Share, ShareViewer, DateTimeOffset, Refusal?> step,
        Func<Share, string, string> summary, string? notifySender, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return Handled.NotFound;
        }

        var share = await db.Shares.Include(s => s.Children).Include(s => s.Events).SingleAsync(s => s.Id == id, cancellationToken);
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (step(share, viewer, now) is { } refusal)
        {
            if (!refusal.IsConflict)
            {
                audit.Record(action, null, "share", id.Value, "refused");
                await db.SaveChangesAsync(cancellationToken);
            }

            return refusal;
        }

        var said = $"{Display.Text(share.Kind)} “{share.Subject}”: {summary(share, user.DisplayName)}";
        await steps.RecordInChronologyAsync(share, viewer.Id, said, now, cancellationToken);
        if (notifySender is not null && share.SentBy != viewer.Id)
        {
            steps.Notify(share.SentBy, action, notifySender, id, now);
        }

        foreach (var child in share.Children)
        {
            audit.Record(action, child.ChildId, "share", id.Value);
        }

        if (await db.SaveOrConflictAsync(Share.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new ShareStepDone(share.Id, share.Status, share.Version);
    }

    /// <summary>A refusal for someone who may see the share; for anyone else, the same "not found" as always.</summary>
    public async Task<Handled<ShareStepDone>> InvalidAsync(ShareId id, string field, string message, CancellationToken cancellationToken) =>
        await shares.MayViewAsync(id, cancellationToken) ? Refusal.Of(field, message) : Handled.NotFound;
}
