using Cairn.Domain.Escalation;
using Cairn.Domain.Placements;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates statutory visits to looked-after children not made by their due date (T12–T14): the placement is marked as having a
/// visit overdue and climbs the child's worker ladder (<see cref="ChildWorkerLadder"/>) one rung per sweep; a visit, or the end of
/// the placement, stops the clock. A placement plan not agreed within five working days of the start (T16) climbs the same ladder on
/// its own clock until it is agreed.
/// </summary>
public sealed class VisitSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<VisitSweep> log)
{
    private static readonly ChildItemWords<Placement> Words = new("placement-visit.escalated",
        (_, rung) => $"A statutory visit to a looked-after child was not made (due {rung.DueAt.InLondon():d MMMM yyyy}): "
                     + $"escalation level {rung.Level}",
        p => $"/people/{p.ChildId.Value}/placements", "placement-visit.escalate", "placement");

    private static readonly ChildItemWords<Placement> PlanWords = new("placement-plan.escalated",
        (_, rung) => $"A looked-after child's placement plan was not agreed (due {rung.DueAt.InLondon():d MMMM yyyy}): "
                     + $"escalation level {rung.Level}",
        p => $"/people/{p.ChildId.Value}/placements", "placement-plan.escalate", "placement");

    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await new ChildWorkerLadder(db, audit).RunAsync(
            () => db.Placements.Where(p => p.NextEscalationAt != null && p.NextEscalationAt <= now).OrderBy(p => p.NextEscalationAt),
            p => p.Id.Value, p => p.ChildId,
            p => p.SweepVisits(now, ladderToClimb, calendar) is { } x ? new ChildItemRung(x.Level, x.Audience, x.DueAt) : null,
            Words, now, cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Visit sweep escalated {Escalated} statutory visits", escalated);
        }

        return escalated;
    }

    /// <summary>Climbs one rung for each placement whose plan is late (T16) and not yet agreed.</summary>
    public async Task<int> EscalatePlansAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await new ChildWorkerLadder(db, audit).RunAsync(
            () => db.Placements.Where(p => p.PlanNextEscalationAt != null && p.PlanNextEscalationAt <= now).OrderBy(p => p.PlanNextEscalationAt),
            p => p.Id.Value, p => p.ChildId,
            p => p.SweepPlan(now, ladderToClimb, calendar) is { } x ? new ChildItemRung(x.Level, x.Audience, x.DueAt) : null,
            PlanWords, now, cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Visit sweep escalated {Escalated} placement plans", escalated);
        }

        return escalated;
    }
}
