using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.ListPlans;

public sealed record PlanSummary(PlanId Id, PlanType Type, string TypeName, ChildProtectionCategory? Category, PlanStatus Status, string Lead,
    DateOnly? StartedOn, DateOnly? EndedOn, int? CurrentVersion, bool Drafting, int OverdueActions);

/// <summary>A child's plans, newest first, and which types the viewer may start.</summary>
public sealed record ChildPlans(PersonId ChildId, IReadOnlyList<PlanSummary> Plans, bool MayStart)
{
    /// <summary>The care plan due and not yet agreed (T15), if any: the child became looked after and has no care plan agreed since.</summary>
    public CarePlanDueSummary? CarePlanDue { get; init; }
}

/// <summary>T15: when the care plan of the child's current period of care is due, whether it is overdue, and its rung on the ladder.</summary>
public sealed record CarePlanDueSummary(DateOnly LookedAfterFrom, DateOnly DueOn, bool Overdue, int EscalationLevel);

/// <summary>Lists a child's plans for anyone who may open the child's record; the read is audited.</summary>
public sealed class ListPlansHandler(CairnDbContext db, RecordAccessService access, PlanAccessHandler plans, AuditLog audit, TimeProvider clock)
{
    /// <returns>Null when the child does not exist or the viewer may not see them.</returns>
    public async Task<ChildPlans?> HandleAsync(PersonId childId, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("plan.list", childId, decision.Reason.ToString(), cancellationToken);
        var today = clock.Today();
        var list = await db.Plans.AsNoTracking().Include(p => p.Versions).Where(p => p.ChildId == childId).ToListAsync(cancellationToken);
        var leads = list.Select(p => p.LeadId).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => leads.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var overdue = await db.PlanActions.AsNoTracking()
            .Where(a => a.ChildId == childId && a.InForce && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress)
                        && a.DueOn < today)
            .GroupBy(a => a.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var carePlanDue = await db.CarePlansDue.AsNoTracking().Where(c => c.ChildId == childId && c.Status == CarePlanDueStatus.Open)
            .OrderBy(c => c.DueOn).Select(c => new CarePlanDueSummary(c.LookedAfterFrom, c.DueOn, c.DueOn < today, c.EscalationLevel))
            .FirstOrDefaultAsync(cancellationToken);
        var mayStart = await plans.MayWriteAsync(childId, decision, PlanType.ChildInNeed, cancellationToken)
                       || await plans.MayWriteAsync(childId, decision, PlanType.EarlyHelp, cancellationToken);
        return new ChildPlans(childId, list.OrderByDescending(p => p.CreatedAt)
            .Select(p => new PlanSummary(p.Id, p.Type, p.TypeName, p.Category, p.Status, names.GetValueOrDefault(p.LeadId, ""), p.StartedOn,
                p.EndedOn, p.Current?.Number, p.Draft is not null, overdue.GetValueOrDefault(p.Id))).ToList(), mayStart)
        {
            CarePlanDue = carePlanDue,
        };
    }
}
