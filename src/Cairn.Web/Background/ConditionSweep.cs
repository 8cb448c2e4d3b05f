using Cairn.Domain.Escalation;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates breaches of a placement's commissioned conditions with no risk assessment linked within
/// <see cref="CommissionedCondition.RiskAssessmentWorkingDays"/> working days (L38): the condition is marked overdue and climbs the
/// child's worker ladder (<see cref="ChildWorkerLadder"/>) one rung per sweep; a linked risk assessment stops the clock.
/// </summary>
public sealed class ConditionSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<ConditionSweep> log)
{
    private static readonly ChildItemWords<CommissionedCondition> Words = new("condition-breach.escalated",
        (_, rung) => "A placement's commissioned condition was not delivered and no risk assessment followed "
                     + $"(due {rung.DueAt.InLondon():d MMMM yyyy}): escalation level {rung.Level}",
        c => $"/people/{c.ChildId.Value}/placements", "condition-breach.escalate", "commissioned-condition");

    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await new ChildWorkerLadder(db, audit).RunAsync(
            () => db.CommissionedConditions.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now).OrderBy(c => c.NextEscalationAt),
            c => c.Id.Value, c => c.ChildId,
            c => c.Sweep(now, ladderToClimb, calendar) is { } x ? new ChildItemRung(x.Level, x.Audience, x.DueAt) : null,
            Words, now, cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Condition sweep escalated {Escalated} breaches of commissioned conditions", escalated);
        }

        return escalated;
    }
}
