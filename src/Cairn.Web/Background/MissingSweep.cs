using Cairn.Domain.Escalation;
using Cairn.Domain.Missing;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;

namespace Cairn.Web.Background;

/// <summary>
/// Escalates missing episodes whose independent return home interview was not offered within 72 hours of the child's return
/// (T18, L43): the episode is marked overdue and climbs the child's worker ladder (<see cref="ChildWorkerLadder"/>) one rung per
/// sweep; an offer stops the clock.
/// </summary>
public sealed class MissingSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, ILogger<MissingSweep> log)
{
    private static readonly ChildItemWords<MissingEpisode> Words = new("missing-episode.escalated",
        (_, rung) => $"Return home interview not offered within {MissingEpisode.ReturnInterviewHours} hours of a return from missing "
                     + $"(due {rung.DueAt.InLondon():d MMMM yyyy}): escalation level {rung.Level}",
        e => $"/people/{e.ChildId.Value}/missing-episodes", "missing-episode.escalate", "missing-episode");

    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var escalated = await new ChildWorkerLadder(db, audit).RunAsync(
            () => db.MissingEpisodes.Where(e => e.NextEscalationAt != null && e.NextEscalationAt <= now).OrderBy(e => e.NextEscalationAt),
            e => e.Id.Value, e => e.ChildId,
            e => e.Sweep(now, ladderToClimb, calendar) is { } x ? new ChildItemRung(x.Level, x.Audience, x.DueAt) : null,
            Words, now, cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Missing sweep escalated {Escalated} return home interviews", escalated);
        }

        return escalated;
    }
}
