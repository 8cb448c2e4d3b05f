using Cairn.Domain.Escalation;
using Cairn.Web.Auditing;
using Cairn.Web.Data;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates late casework (issue #13): child and family assessments not authorised within 45 working days of the referral
/// (T02, L25), care plans not agreed within 10 working days of a child becoming looked after (T15), and plan actions past their
/// due date (L23). One rung of the ladder per item per sweep, recorded on the item,
/// told through the notification outbox and written to the audit log (with no signed-in actor: the sweep did it) in the same
/// transaction. Rung 1 tells the lead or the action's owner and their team manager; rung 2 the safeguarding leads; rung 3 the
/// heads of service. Each item's version check makes every escalation happen exactly once even if two sweeps overlap.
/// </summary>
public sealed class CaseworkSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<CaseworkSweep> log)
{
    private readonly LadderSweep _ladder = new(db);

    /// <summary>Child and family assessments past their due date and not yet authorised.</summary>
    public async Task<int> EscalateAssessmentsAsync(DateTimeOffset now, EscalationLadder? ladder = null,
        CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var escalated = await _ladder.RunAsync(
            () => db.Assessments.Where(a => a.NextEscalationAt != null && a.NextEscalationAt <= now).OrderBy(a => a.NextEscalationAt),
            a => a.Id.Value,
            batch => _ladder.AreasOfChildrenAsync(batch.Select(a => (a.Id.Value, a.ChildId)), cancellationToken),
            (assessment, people) =>
            {
                if (assessment.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, LadderSweep.OwnerAndManager(escalation.Lead, people, managers)),
                    "assessment.escalated",
                    $"{assessment.TypeName} overdue (due {escalation.DueOn:d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/assessments/{assessment.Id.Value}", now);
                audit.Record("assessment.escalate", assessment.ChildId, "assessment", assessment.Id.Value, detail: $"level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Casework sweep escalated {Escalated} assessments", escalated);
        }

        return escalated;
    }

    /// <summary>Care plans due (T15: 10 working days after the child became looked after) and not yet agreed.</summary>
    public async Task<int> EscalateCarePlansAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var escalated = await _ladder.RunAsync(
            () => db.CarePlansDue.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now).OrderBy(c => c.NextEscalationAt),
            c => c.Id.Value,
            batch => _ladder.AreasOfChildrenAsync(batch.Select(c => (c.Id.Value, c.ChildId)), cancellationToken),
            (due, people) =>
            {
                if (due.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, LadderSweep.OwnerAndManager(escalation.Owner, people, managers)),
                    "care-plan-due.escalated", $"Care plan not agreed (due {escalation.DueOn:d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/people/{due.ChildId.Value}/plans", now);
                audit.Record("care-plan-due.escalate", due.ChildId, "care-plan-due", due.Id.Value, detail: $"level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Casework sweep escalated {Escalated} care plans due", escalated);
        }

        return escalated;
    }

    /// <summary>Plan actions in force, not done, and past their due date.</summary>
    public async Task<int> EscalatePlanActionsAsync(DateTimeOffset now, EscalationLadder? ladder = null,
        CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var escalated = await _ladder.RunAsync(
            () => db.PlanActions.Where(a => a.NextEscalationAt != null && a.NextEscalationAt <= now).OrderBy(a => a.NextEscalationAt),
            a => a.Id.Value,
            batch => _ladder.AreasOfChildrenAsync(batch.Select(a => (a.Id.Value, a.ChildId)), cancellationToken),
            (action, people) =>
            {
                if (action.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, LadderSweep.OwnerAndManager(escalation.Owner, people, managers)),
                    "plan-action.escalated",
                    $"Plan action overdue (due {escalation.DueOn:d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/plans/{action.PlanId.Value}", now);
                audit.Record("plan-action.escalate", action.ChildId, "plan-action", action.Id.Value, detail: $"level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Casework sweep escalated {Escalated} plan actions", escalated);
        }

        return escalated;
    }
}
