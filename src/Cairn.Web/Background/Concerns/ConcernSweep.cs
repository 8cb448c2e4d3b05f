using Cairn.Domain;
using Cairn.Domain.Escalation;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background.Concerns;

/// <summary>
/// The background work for concern prompts, run by the escalation worker under its lease. Overdue prompts climb the
/// ladder one rung per sweep (each prompt's version check makes every rung happen once, even if two sweeps overlap),
/// and every area is evaluated in full at most every Cairn:Concerns:FullEvaluationHours (default 6), which catches
/// what no recorded change triggers: a baby reaching the age a visit was due by, a child whose last contact falls
/// out of the window.
/// </summary>
public sealed class ConcernSweep(CairnDbContext db, WorkingCalendarSource calendars, ConcernEvaluator evaluator, IConfiguration configuration,
    ILogger<ConcernSweep> log)
{
    public const string FullEvaluationLease = "concern-full-evaluation";
    public const int BatchSize = LadderSweep.BatchSize;

    /// <summary>How long a pending evaluation is left to the request that queued it before the sweep takes it.</summary>
    public static readonly TimeSpan PendingGrace = TimeSpan.FromMinutes(1);

    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        ladder ??= EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var sweep = new LadderSweep(db);
        var escalated = await sweep.RunAsync(
            () => db.ConcernPrompts.Where(p => p.NextEscalationAt != null && p.NextEscalationAt <= now).OrderBy(p => p.NextEscalationAt),
            p => p.Id.Value,
            async batch =>
            {
                var children = batch.Select(p => p.Child).Distinct().ToList();
                var areaOf = await db.People.AsNoTracking().Where(p => children.Contains(p.Id))
                    .ToDictionaryAsync(p => p.Id, p => p.AreaId, cancellationToken);
                return batch.ToDictionary(p => p.Id.Value, p => areaOf.GetValueOrDefault(p.Child));
            },
            (prompt, inArea) =>
            {
                if (prompt.Sweep(now, ladder, calendar) is not { } escalation)
                {
                    return false;
                }

                // The first rung is the manager of the team the prompt is with (or of the assignee's team), else the
                // front door managers; every rung also reminds the assignee.
                var team = prompt.AssignedTeam ?? inArea.FirstOrDefault(p => p.Id == prompt.AssignedProfessional)?.TeamId;
                IEnumerable<ProfessionalId> firstRung = team is { } t && managers.TryGetValue(t, out var manager)
                    ? [manager]
                    : LadderSweep.FrontDoorManagers(inArea);
                var told = LadderSweep.Audience(escalation.Audience, inArea, firstRung)
                    .Append(prompt.AssignedProfessional ?? default).Where(p => p != default);
                sweep.Tell(told, "concern.escalated", $"Concern prompt not answered in time: escalation level {escalation.Level}",
                    $"/concerns/{prompt.Id.Value}", now);
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Concern sweep escalated {Escalated} prompts", escalated);
        }

        return escalated;
    }

    /// <summary>
    /// Evaluates what a change left pending (<see cref="ConcernEvaluator.SaveAndEvaluateAsync"/>): the request that
    /// queued it has normally done so and deleted it within milliseconds, so only notes older than
    /// <see cref="PendingGrace"/> are taken, oldest first. A batch that fails is tried one person at a time, and a
    /// person whose evaluation still fails stays pending, logged, for the next tick, without holding up the rest.
    /// </summary>
    /// <returns>How many pending notes were evaluated and deleted.</returns>
    public async Task<int> EvaluatePendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - PendingGrace;
        var failed = new HashSet<Guid>();
        var done = 0;
        while (true)
        {
            var batch = await db.PendingEvaluations.AsNoTracking().Where(p => p.QueuedAt <= cutoff && !failed.Contains(p.Id))
                .OrderBy(p => p.QueuedAt).Take(BatchSize).Select(p => new { p.Id, p.PersonId }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            if (await TryEvaluateAsync(batch.ConvertAll(p => p.PersonId), cancellationToken))
            {
                done += await DeletePendingAsync(batch.ConvertAll(p => p.Id), cancellationToken);
                continue;
            }

            foreach (var one in batch)
            {
                if (await TryEvaluateAsync([one.PersonId], cancellationToken))
                {
                    done += await DeletePendingAsync([one.Id], cancellationToken);
                }
                else
                {
                    failed.Add(one.Id);
                }
            }
        }

        if (done > 0 || failed.Count > 0)
        {
            log.LogInformation("Concern sweep evaluated {Done} pending changes; {Failed} still failing", done, failed.Count);
        }

        return done;
    }

    private Task<int> DeletePendingAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        db.PendingEvaluations.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);

    private async Task<bool> TryEvaluateAsync(List<PersonId> people, CancellationToken cancellationToken)
    {
        try
        {
            await evaluator.AfterChangeAsync(people, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            log.LogError(e, "Concern rules still not evaluated for people {People}", string.Join(",", people.Select(p => p.Value)));
            return false;
        }
    }

    /// <summary>
    /// Evaluates every area in full when the last full run is older than the configured hours. The run is claimed with
    /// one conditional update of a lease row whose "until" is the next due time, so of several nodes exactly one runs it.
    /// </summary>
    /// <returns>Whether this node ran it.</returns>
    public async Task<bool> EvaluateAllWhenDueAsync(DateTimeOffset now, string holder, CancellationToken cancellationToken = default)
    {
        var hours = Math.Max(1, configuration.GetValue("Cairn:Concerns:FullEvaluationHours", 6));
        if (!await db.SweepLeases.AnyAsync(l => l.Name == FullEvaluationLease, cancellationToken))
        {
            try
            {
                db.SweepLeases.Add(new SweepLease { Name = FullEvaluationLease, Holder = null, Until = DateTimeOffset.MinValue.AddYears(2000) });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it first.
            }

            db.ChangeTracker.Clear();
        }

        var next = now.AddHours(hours);
        var claimed = await db.SweepLeases.Where(l => l.Name == FullEvaluationLease && (l.Until <= now || l.Until > next))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, next), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var areas = await db.Areas.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var area in areas)
        {
            await evaluator.EvaluateAreaAsync(area, cancellationToken);
        }

        return true;
    }
}
