using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.FollowThrough;

/// <summary>
/// Escalates front door contacts whose triage decision is late (issue #4, L16): one rung of the ladder per contact per
/// sweep, recorded on the contact and told through the notification outbox in the same transaction. Rung 1 tells the
/// front door managers and the professional who made the contact; rung 2 the safeguarding leads; rung 3 the heads of
/// service. It runs after the share sweep, under the same lease; each contact's version check makes every escalation
/// happen exactly once even if two sweeps overlap.
/// </summary>
public sealed class FrontDoorSweep(CairnDbContext db, WorkingCalendarSource calendars, ILogger<FrontDoorSweep> log)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        ladder ??= EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var handled = new HashSet<ContactId>();
        int escalated = 0, conflicts = 0;
        while (true)
        {
            var batch = await db.Contacts.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now)
                .OrderBy(c => c.NextEscalationAt).Take(BatchSize).ToListAsync(cancellationToken);
            var fresh = batch.Where(c => !handled.Contains(c.Id)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            var areas = fresh.Select(c => c.AreaId).Distinct().ToList();
            var people = await db.Professionals.AsNoTracking().Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => areas.Contains(a.AreaId)), p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Roles, a.AreaId })
                .ToListAsync(cancellationToken);
            var raised = 0;
            foreach (var contact in fresh)
            {
                if (contact.Sweep(now, ladder, calendar) is not { } escalation)
                {
                    continue;
                }

                raised++;
                var inArea = people.Where(p => p.AreaId == contact.AreaId).ToList();
                IEnumerable<ProfessionalId> audience = escalation.Audience switch
                {
                    EscalationAudience.SenderAndRecipientManager => inArea
                        .Where(p => (p.Roles & (Role.FrontDoor | Role.TeamManager)) == (Role.FrontDoor | Role.TeamManager)).Select(p => p.Id)
                        .Concat(contact.ReferredBy is { } referrer && referrer != contact.RecordedBy ? [referrer] : []),
                    EscalationAudience.SafeguardingLead => inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
                    _ => inArea.Where(p => (p.Roles & Role.HeadOfService) != 0).Select(p => p.Id) is var heads && heads.Any()
                        ? heads
                        : inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
                };
                foreach (var to in audience.Distinct())
                {
                    db.Notifications.Add(new Notification
                    {
                        ProfessionalId = to,
                        Kind = "contact.escalated",
                        Text = $"Front door decision overdue: escalation level {escalation.Level}",
                        Link = $"/contacts/{contact.Id.Value}",
                        CreatedAt = now,
                    });
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated += raised;
                handled.UnionWith(fresh.Select(c => c.Id));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone decided one of these meanwhile, or another sweep got there first: read the batch again.
                db.ChangeTracker.Clear();
                if (++conflicts > 10)
                {
                    break;
                }

                continue;
            }

            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (escalated > 0)
        {
            log.LogInformation("Front door sweep escalated {Escalated} contacts", escalated);
        }

        return escalated;
    }
}
