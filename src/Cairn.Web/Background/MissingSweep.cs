using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates missing episodes whose independent return home interview was not offered within 72 hours of the child's return
/// (T18, L43). The episode is marked overdue and climbs the escalation ladder one rung per sweep, recorded on the episode, told
/// through the notification outbox and written to the audit log with no signed-in actor, all in one transaction. Rung 1 tells
/// the child's allocated social worker and their team manager; rung 2 the safeguarding leads; rung 3 the heads of service. A
/// child with no allocated social worker reaches the safeguarding leads at rung 1 rather than nobody. Each episode's version
/// check makes every rung happen exactly once even if two sweeps overlap; an offer stops the clock.
/// </summary>
public sealed class MissingSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<MissingSweep> log)
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
            () => db.MissingEpisodes.Where(e => e.NextEscalationAt != null && e.NextEscalationAt <= now).OrderBy(e => e.NextEscalationAt),
            e => e.Id.Value,
            async batch =>
            {
                var children = batch.Select(e => e.ChildId).Distinct().ToList();
                workers = (await db.Involvements.AsNoTracking()
                        .Where(i => children.Contains(i.ChildId) && i.Role == InvolvementRole.AllocatedSocialWorker && i.StartedOn <= today
                                    && (i.EndedOn == null || i.EndedOn >= today))
                        .Select(i => new { i.ChildId, i.ProfessionalId }).ToListAsync(cancellationToken))
                    .GroupBy(i => i.ChildId).ToDictionary(g => g.Key, g => g.Select(i => i.ProfessionalId).ToList());
                return await _ladder.AreasOfChildrenAsync(batch.Select(e => (e.Id.Value, e.ChildId)), cancellationToken);
            },
            (episode, people) =>
            {
                if (episode.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                var firstRung = workers.GetValueOrDefault(episode.ChildId) is { Count: > 0 } allocated
                    ? allocated.SelectMany(w => LadderSweep.OwnerAndManager(w, people, managers))
                    : LadderSweep.Audience(EscalationAudience.SafeguardingLead, people, []);
                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, firstRung), "missing-episode.escalated",
                    $"Return home interview not offered within {Domain.Missing.MissingEpisode.ReturnInterviewHours} hours of a return from missing "
                    + $"(due {escalation.DueAt.InLondon():d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/people/{episode.ChildId.Value}/missing-episodes", now);
                audit.Record("missing-episode.escalate", episode.ChildId, "missing-episode", episode.Id.Value, detail: $"level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Missing sweep escalated {Escalated} return home interviews", escalated);
        }

        return escalated;
    }
}
