using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.ChildPlacements;

/// <summary>
/// The one path every change to an existing placement takes (visits, the placement plan, whether it is long term): not found
/// unless the viewer may open the child's record; refused (403) unless they are children's social care; otherwise the change,
/// audited under its action (ids only) and saved, or answered with a conflict. Every refusal is audited.
/// </summary>
public sealed class PlacementChangeHandler(CairnDbContext db, PlacementAccessHandler access, AuditLog audit, TimeProvider clock)
{
    public static Refusal NotTheirs => Refusal.NotAllowed("VisitedOn",
        "Only children's social care can record statutory visits and the placement plan. Tell the child's social worker.");

    public async Task<Handled<PlacementId>> ChangeAsync(PlacementId id, string action, Func<Placement, DateTimeOffset, Task<Refusal?>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var child = await db.Placements.Where(p => p.Id == id).Select(p => (PersonId?)p.ChildId).FirstOrDefaultAsync(cancellationToken);
        if (child is not { } c || !await access.OpenAsync(c, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await ChangePlacementAsync(id, action, change, cancellationToken)
            .AuditRefusalAsync(audit, action, c, "placement", id.Value, cancellationToken);
    }

    private async Task<Handled<PlacementId>> ChangePlacementAsync(PlacementId id, string action,
        Func<Placement, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        if (!await access.MayManageAsync(cancellationToken))
        {
            return NotTheirs;
        }

        var now = clock.GetUtcNow();
        var placement = await db.Placements.SingleAsync(p => p.Id == id, cancellationToken);
        if (await change(placement, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        audit.Record(action, placement.ChildId, "placement", id.Value);
        if (await db.SaveOrConflictAsync(Placement.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return id;
    }
}
