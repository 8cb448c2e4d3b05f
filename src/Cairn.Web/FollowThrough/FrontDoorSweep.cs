using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.FollowThrough;

/// <summary>
/// Escalates front door work that is late (issue #4, L16, L17): contacts whose triage decision is late, and strategy
/// discussions not held in time. One rung of the ladder per item per sweep, recorded on the item and told through the
/// notification outbox in the same transaction. Rung 1 tells the front door managers (and, for a contact, the
/// professional who made it); rung 2 the safeguarding leads; rung 3 the heads of service. It runs after the share sweep,
/// under the same lease; each item's version check makes every escalation happen exactly once even if two sweeps overlap.
/// </summary>
public sealed class FrontDoorSweep(CairnDbContext db, WorkingCalendarSource calendars, ILogger<FrontDoorSweep> log)
{
    public const int BatchSize = 500;

    private sealed record AreaPerson(ProfessionalId Id, Role Roles, AreaId AreaId);

    /// <summary>Late triage decisions.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await SweepAsync(
            () => db.Contacts.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now).OrderBy(c => c.NextEscalationAt).Take(BatchSize),
            c => c.Id.Value,
            batch => Task.FromResult(batch.ToDictionary(c => c.Id.Value, c => c.AreaId)),
            (contact, people) =>
            {
                if (contact.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                var referrer = contact.ReferredBy is { } r && r != contact.RecordedBy ? r : (ProfessionalId?)null;
                Tell(Audience(escalation.Audience, people, referrer), "contact.escalated", $"Front door decision overdue: escalation level {escalation.Level}",
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
    public async Task<int> EscalateStrategyDiscussionsAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await SweepAsync(
            () => db.StrategyDiscussions.Where(d => d.NextEscalationAt != null && d.NextEscalationAt <= now).OrderBy(d => d.NextEscalationAt).Take(BatchSize),
            d => d.Id.Value,
            async batch =>
            {
                var contacts = batch.Select(d => d.ContactId).ToList();
                var areas = await db.Contacts.AsNoTracking().Where(c => contacts.Contains(c.Id)).Select(c => new { c.Id, c.AreaId }).ToListAsync(cancellationToken);
                return batch.Join(areas, d => d.ContactId, a => a.Id, (d, a) => (d.Id.Value, a.AreaId)).ToDictionary(x => x.Value, x => x.AreaId);
            },
            (discussion, people) =>
            {
                if (discussion.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                Tell(Audience(escalation.Audience, people, null), "strategy-discussion.escalated",
                    $"Strategy discussion not held in time: escalation level {escalation.Level}", $"/strategy-discussions/{discussion.Id.Value}", now);
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Front door sweep escalated {Escalated} strategy discussions", escalated);
        }

        return escalated;
    }

    /// <summary>
    /// Reads the due items a batch at a time, lets <paramref name="escalate"/> climb each one rung and write its
    /// notifications, and saves the batch; a version conflict (someone acted meanwhile, or another sweep got there
    /// first) reads the batch again, so nothing is escalated twice and nothing is lost.
    /// </summary>
    private async Task<int> SweepAsync<T>(Func<IQueryable<T>> due, Func<T, Guid> key, Func<List<T>, Task<Dictionary<Guid, AreaId>>> areasOf,
        Func<T, List<AreaPerson>, bool> escalate, CancellationToken cancellationToken)
        where T : class
    {
        var handled = new HashSet<Guid>();
        int escalated = 0, conflicts = 0;
        while (true)
        {
            var batch = await due().ToListAsync(cancellationToken);
            var fresh = batch.Where(x => !handled.Contains(key(x))).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            var areaOf = await areasOf(fresh);
            var areas = areaOf.Values.Distinct().ToList();
            var people = await db.Professionals.AsNoTracking().Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => areas.Contains(a.AreaId)), p => p.AgencyId, a => a.Id, (p, a) => new AreaPerson(p.Id, p.Roles, a.AreaId))
                .ToListAsync(cancellationToken);
            var raised = 0;
            foreach (var item in fresh)
            {
                var area = areaOf.GetValueOrDefault(key(item));
                raised += escalate(item, people.Where(p => p.AreaId == area).ToList()) ? 1 : 0;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated += raised;
                handled.UnionWith(fresh.Select(key));
            }
            catch (DbUpdateConcurrencyException)
            {
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

        return escalated;
    }

    private static IEnumerable<ProfessionalId> Audience(EscalationAudience audience, List<AreaPerson> inArea, ProfessionalId? alsoFirst) => audience switch
    {
        EscalationAudience.SenderAndRecipientManager => inArea
            .Where(p => (p.Roles & (Role.FrontDoor | Role.TeamManager)) == (Role.FrontDoor | Role.TeamManager)).Select(p => p.Id)
            .Concat(alsoFirst is { } also ? [also] : []),
        EscalationAudience.SafeguardingLead => inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
        _ => inArea.Where(p => (p.Roles & Role.HeadOfService) != 0).Select(p => p.Id) is var heads && heads.Any()
            ? heads
            : inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
    };

    private void Tell(IEnumerable<ProfessionalId> audience, string kind, string text, string link, DateTimeOffset now)
    {
        foreach (var to in audience.Distinct())
        {
            db.Notifications.Add(new Notification { ProfessionalId = to, Kind = kind, Text = text, Link = link, CreatedAt = now });
        }
    }
}
