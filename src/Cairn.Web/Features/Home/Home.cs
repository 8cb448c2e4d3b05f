using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Home;

public sealed record CaseloadItem(PersonId ChildId, string Name, DateOnly? DateOfBirth, InvolvementRole Role, bool IsLeadProfessional,
    DateOnly Since, int ActiveAlerts);

/// <summary>Where a professional starts: the children they are involved with now and the alerts they must review.</summary>
public sealed record HomeView(string Name, IReadOnlyList<CaseloadItem> Caseload, int AlertsToReview, int AlertsOverdue);

public sealed class HomeHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<HomeView> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var today = clock.Today();
        var caseload = await db.Involvements.AsNoTracking()
            .Where(i => i.ProfessionalId == me && i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.People.Where(p => p.Kind == PersonKind.Child), i => i.ChildId, p => p.Id,
                (i, p) => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, i.Role, i.IsLeadProfessional, i.StartedOn })
            .ToListAsync(cancellationToken);
        var children = caseload.Select(c => c.Id).ToList();
        var alerts = await db.Alerts.AsNoTracking().Where(a => children.Contains(a.ChildId) && a.Status == AlertStatus.Active)
            .GroupBy(a => a.ChildId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var mine = await db.Alerts.AsNoTracking().Where(a => a.OwnerId == me && a.Status == AlertStatus.Active)
            .Select(a => a.ReviewBy).ToListAsync(cancellationToken);

        audit.Record("caseload.view", null, "involvement", null, "allowed", $"{caseload.Count} children");
        await db.SaveChangesAsync(cancellationToken);

        return new HomeView(user.DisplayName,
            caseload.OrderByDescending(c => c.IsLeadProfessional).ThenBy(c => c.FamilyName, StringComparer.Ordinal).ThenBy(c => c.GivenName,
                StringComparer.Ordinal)
                .Select(c => new CaseloadItem(c.Id, $"{c.GivenName} {c.FamilyName}", c.DateOfBirth, c.Role, c.IsLeadProfessional, c.StartedOn,
                    alerts.GetValueOrDefault(c.Id)))
                .ToList(),
            mine.Count,
            mine.Count(d => d < today));
    }
}
