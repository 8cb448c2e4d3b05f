using Cairn.Domain;
using Cairn.Domain.Escalation;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates front door work that is late (issue #4, L16, L17): contacts whose triage decision is late, and strategy
/// discussions not held in time. One rung of the ladder per item per sweep, recorded on the item and told through the
/// notification outbox in the same transaction. Rung 1 tells the front door managers (and, for a contact, the
/// professional who made it); rung 2 the safeguarding leads; rung 3 the heads of service. It runs after the share sweep,
/// under the same lease; each item's version check makes every escalation happen exactly once even if two sweeps overlap.
/// </summary>
public sealed class FrontDoorSweep(CairnDbContext db, WorkingCalendarSource calendars, ILogger<FrontDoorSweep> log)
{
    public const int BatchSize = LadderSweep.BatchSize;

    private readonly LadderSweep _ladder = new(db);

    /// <summary>Late triage decisions.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var rules = await AreaOutOfHoursRules.AllAsync(db, cancellationToken);
        // A contact is due when its decision is late, or when its out-of-hours clock is (L02): passing to the Emergency Duty
        // Team at the close of the day, a missed acknowledgement, the hand-back at the start of the working day.
        var escalated = await _ladder.RunAsync(
            () => db.Contacts
                .Where(c => (c.NextEscalationAt != null && c.NextEscalationAt <= now) || (c.NextOutOfHoursAt != null && c.NextOutOfHoursAt <= now))
                .OrderBy(c => c.NextEscalationAt ?? c.NextOutOfHoursAt),
            c => c.Id.Value,
            batch => Task.FromResult(batch.ToDictionary(c => c.Id.Value, c => c.AreaId)),
            (contact, people) =>
            {
                var own = rules.GetValueOrDefault(contact.AreaId) ?? OutOfHoursRules.Default;
                // A hand-back or a pass to the Emergency Duty Team changes the contact without telling anyone: saved with the batch.
                if (contact.Sweep(now, ladderToClimb, calendar, own) is not { } escalation)
                {
                    return false;
                }

                if (escalation.Audience is EscalationAudience.EmergencyDutyManager or EscalationAudience.OnCallSeniorManager)
                {
                    _ladder.Tell(LadderSweep.EmergencyDuty(escalation.Audience, people), "contact.emergency-duty.escalated",
                        $"Contact not acknowledged by the Emergency Duty Team: escalation level {escalation.Level}",
                        $"/contacts/{contact.Id.Value}", now);
                    return true;
                }

                var referrer = contact.ReferredBy is { } r && r != contact.RecordedBy ? r : (ProfessionalId?)null;
                var firstRung = LadderSweep.FrontDoorManagers(people).Concat(referrer is { } also ? [also] : []);
                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, firstRung),
                    "contact.escalated", $"Front door decision overdue: escalation level {escalation.Level}",
                    $"/contacts/{contact.Id.Value}", now);
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Front door sweep escalated {Escalated} contacts", escalated);
        }

        return escalated;
    }

    /// <summary>Strategy discussions required at triage and not held within their timescale (L17).</summary>
    public async Task<int> EscalateStrategyDiscussionsAsync(DateTimeOffset now, EscalationLadder? ladder = null,
        CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await _ladder.RunAsync(
            () => db.StrategyDiscussions.Where(d => d.NextEscalationAt != null && d.NextEscalationAt <= now).OrderBy(d => d.NextEscalationAt),
            d => d.Id.Value,
            async batch =>
            {
                var contacts = batch.Select(d => d.ContactId).ToList();
                var areas = await db.Contacts.AsNoTracking().Where(c => contacts.Contains(c.Id)).Select(c => new { c.Id, c.AreaId })
                    .ToListAsync(cancellationToken);
                return batch.Join(areas, d => d.ContactId, a => a.Id, (d, a) => (d.Id.Value, a.AreaId)).ToDictionary(x => x.Value, x => x.AreaId);
            },
            (discussion, people) =>
            {
                if (discussion.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, LadderSweep.FrontDoorManagers(people)),
                    "strategy-discussion.escalated", $"Strategy discussion not held in time: escalation level {escalation.Level}",
                    $"/strategy-discussions/{discussion.Id.Value}", now);
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Front door sweep escalated {Escalated} strategy discussions", escalated);
        }

        return escalated;
    }
}
