using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Alerts.AlertReviews;

public sealed record AlertReviewItem(
    AlertId Id, PersonId ChildId, string ChildName, AlertCategory Category, string Risk, DateOnly ReviewBy, bool Overdue);

public sealed record AlertReviewList(DateOnly Today, IReadOnlyList<AlertReviewItem> Alerts)
{
    public int OverdueCount => Alerts.Count(a => a.Overdue);
}

/// <summary>
/// The signed-in professional's own active alerts, soonest review first. Only alerts they own are listed,
/// so it shows nothing about a child beyond what they raised or were given to review.
/// </summary>
public sealed class AlertReviewsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<AlertReviewList> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var today = clock.Today();
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => a.OwnerId == me && a.Status == AlertStatus.Active)
            .Join(db.People, a => a.ChildId, p => p.Id,
                (a, p) => new { a.Id, a.ChildId, p.GivenName, p.FamilyName, a.Category, a.Risk, a.ReviewBy })
            .OrderBy(x => x.ReviewBy)
            .ToListAsync(cancellationToken);

        audit.Record("alerts.reviews.view", null, "alert", null, "allowed", $"{rows.Count} alerts");
        await db.SaveChangesAsync(cancellationToken);

        return new AlertReviewList(today, rows
            .Select(x => new AlertReviewItem(x.Id, x.ChildId, $"{x.GivenName} {x.FamilyName}", x.Category, x.Risk, x.ReviewBy,
                x.ReviewBy < today))
            .ToList());
    }
}
