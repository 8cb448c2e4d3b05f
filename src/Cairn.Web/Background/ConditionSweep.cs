using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates breaches of a placement's commissioned conditions with no risk assessment linked within
/// <see cref="CommissionedCondition.RiskAssessmentWorkingDays"/> working days (L38). The condition is marked overdue and climbs the
/// escalation ladder one rung per sweep, recorded on the condition, told through the notification outbox and written to the audit
/// log with no signed-in actor, in one transaction. Rung 1 tells the child's allocated social worker and their team manager (the
/// safeguarding leads when the child has none); rung 2 the safeguarding leads; rung 3 the heads of service. The condition's version
/// check makes every rung happen once even when two sweeps overlap; a linked risk assessment stops the clock.
/// </summary>
public sealed class ConditionSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<ConditionSweep> log)
{
    private readonly LadderSweep _ladder = new(db);

    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var today = now.InLondon();
        Dictionary<PersonId, List<ProfessionalId>> workers = [];
        var escalated = await _ladder.RunAsync(
            () => db.CommissionedConditions.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now).OrderBy(c => c.NextEscalationAt),
            c => c.Id.Value,
            async batch =>
            {
                var children = batch.Select(c => c.ChildId).Distinct().ToList();
                workers = (await db.Involvements.AsNoTracking()
                        .Where(i => children.Contains(i.ChildId) && i.Role == InvolvementRole.AllocatedSocialWorker && i.StartedOn <= today
                                    && (i.EndedOn == null || i.EndedOn >= today))
                        .Select(i => new { i.ChildId, i.ProfessionalId }).ToListAsync(cancellationToken))
                    .GroupBy(i => i.ChildId).ToDictionary(g => g.Key, g => g.Select(i => i.ProfessionalId).ToList());
                return await _ladder.AreasOfChildrenAsync(batch.Select(c => (c.Id.Value, c.ChildId)), cancellationToken);
            },
            (condition, people) =>
            {
                if (condition.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                var firstRung = workers.GetValueOrDefault(condition.ChildId) is { Count: > 0 } allocated
                    ? allocated.SelectMany(w => LadderSweep.OwnerAndManager(w, people, managers))
                    : LadderSweep.Audience(EscalationAudience.SafeguardingLead, people, []);
                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, firstRung), "condition-breach.escalated",
                    "A placement's commissioned condition was not delivered and no risk assessment followed "
                    + $"(due {escalation.DueAt.InLondon():d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/people/{condition.ChildId.Value}/placements", now);
                audit.Record("condition-breach.escalate", condition.ChildId, "commissioned-condition", condition.Id.Value,
                    detail: $"level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Condition sweep escalated {Escalated} breaches of commissioned conditions", escalated);
        }

        return escalated;
    }
}
