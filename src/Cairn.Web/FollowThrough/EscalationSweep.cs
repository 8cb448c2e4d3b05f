using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.FollowThrough;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(bool HeldLease, int Looked, int Escalated, int Conflicts);

/// <summary>
/// Escalation by itself (L01): finds shares whose clock has run out from the due times stored on them, climbs one
/// rung of the ladder for each, records it on the share and tells the rung's audience through the notification
/// outbox, all in one transaction per batch. Safe to run on several nodes at once: only the holder of the
/// database lease sweeps, and each share's version check means an escalation is written exactly once even if
/// two sweeps overlap. Because the work comes from stored due times, a restart loses nothing.
/// </summary>
public sealed class EscalationSweep(CairnDbContext db, WorkingCalendarSource calendars, ShareSteps steps, ILogger<EscalationSweep> log)
{
    public const string LeaseName = "share-escalation";
    public const int BatchSize = 1000;
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    public async Task<SweepResult> RunAsync(DateTimeOffset now, string holder, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        ladder ??= EscalationLadder.Default;
        if (!await TakeLeaseAsync(holder, now, cancellationToken))
        {
            return new SweepResult(false, 0, 0, 0);
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var audiences = await AudiencesAsync(cancellationToken);
        int looked = 0, escalated = 0, conflicts = 0;
        // One rung per share per sweep: a share far overdue whose next rung is also due climbs it at the next sweep,
        // so each rung's audience hears of it separately.
        var handled = new HashSet<ShareId>();
        while (true)
        {
            var batch = await db.Shares.Where(s => s.NextEscalationAt != null && s.NextEscalationAt <= now)
                .OrderBy(s => s.NextEscalationAt).Take(BatchSize).ToListAsync(cancellationToken);
            var fresh = batch.Where(s => !handled.Contains(s.Id)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            looked += fresh.Count;
            var raised = 0;
            foreach (var share in fresh)
            {
                if (share.Sweep(now, ladder, calendar) is { } escalation)
                {
                    raised++;
                    foreach (var to in audiences.For(escalation.Audience, share))
                    {
                        steps.Notify(to, "share.escalated",
                            $"Share overdue for {(escalation.Clock == ShareClock.Receipt ? "receipt" : "action")}: escalation level {escalation.Level}", share.Id, now);
                    }
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                escalated += raised;
                handled.UnionWith(fresh.Select(s => s.Id));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sweep or a person changed some of these shares meanwhile: drop this batch and read again.
                conflicts++;
                db.ChangeTracker.Clear();
                if (conflicts > 10)
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
            log.LogInformation("Escalation sweep escalated {Escalated} shares of {Looked} looked at", escalated, looked);
        }

        return new SweepResult(true, looked, escalated, conflicts);
    }

    /// <summary>
    /// Takes or renews the lease. One row per kind of work; a conditional update decides who holds it, which both
    /// SQLite and PostgreSQL make atomic.
    /// </summary>
    private async Task<bool> TakeLeaseAsync(string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.SweepLeases.AnyAsync(l => l.Name == LeaseName, cancellationToken))
        {
            try
            {
                db.SweepLeases.Add(new SweepLease { Name = LeaseName, Holder = null, Until = DateTimeOffset.MinValue.AddYears(2000) });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it first.
            }

            db.ChangeTracker.Clear();
        }

        // A lease that runs further ahead than one lease length was taken by a node whose clock is ahead (or ours went
        // back): it is treated as lapsed rather than blocking the sweep until the clocks meet.
        var until = now + LeaseLength;
        var taken = await db.SweepLeases
            .Where(l => l.Name == LeaseName && (l.Until < now || l.Until > until || l.Holder == holder))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), cancellationToken);
        return taken == 1;
    }

    private async Task<Audiences> AudiencesAsync(CancellationToken cancellationToken)
    {
        var professionals = await db.Professionals.AsNoTracking().Where(p => p.IsActive)
            .Select(p => new Audiences.Person(p.Id, p.AgencyId, p.TeamId, p.Roles)).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.ManagerId }).ToDictionaryAsync(t => t.Id, t => t.ManagerId, cancellationToken);
        var areas = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.AreaId, cancellationToken);
        return new Audiences(professionals, teams, areas);
    }

    /// <summary>Who each rung tells, worked out once per sweep from the area's professionals and teams.</summary>
    private sealed class Audiences(IReadOnlyList<Audiences.Person> people, IReadOnlyDictionary<TeamId, ProfessionalId?> managers,
        IReadOnlyDictionary<AgencyId, AreaId> areas)
    {
        private readonly Dictionary<ProfessionalId, Person> _byId = people.ToDictionary(p => p.Id);

        public sealed record Person(ProfessionalId Id, AgencyId Agency, TeamId? Team, Role Roles);

        public IEnumerable<ProfessionalId> For(EscalationAudience audience, Share share)
        {
            var area = areas.GetValueOrDefault(share.RecipientAgency);
            switch (audience)
            {
                case EscalationAudience.SenderAndRecipientManager:
                    var team = share.RecipientTeam ?? (share.RecipientProfessional is { } named && _byId.TryGetValue(named, out var p) ? p.Team : null);
                    IEnumerable<ProfessionalId> managersOf = team is { } t && managers.GetValueOrDefault(t) is { } manager
                        ? [manager]
                        : people.Where(x => x.Agency == share.RecipientAgency && (x.Roles & Role.TeamManager) == Role.TeamManager).Select(x => x.Id);
                    return managersOf.Append(share.SentBy).Distinct();
                case EscalationAudience.SafeguardingLead:
                    return InArea(area, Role.SafeguardingLead);
                default:
                    var heads = InArea(area, Role.HeadOfService).ToList();
                    return heads.Count > 0 ? heads : InArea(area, Role.SafeguardingLead);
            }
        }

        private IEnumerable<ProfessionalId> InArea(AreaId area, Role role) =>
            people.Where(x => (x.Roles & role) == role && areas.GetValueOrDefault(x.Agency) == area).Select(x => x.Id);
    }
}

/// <summary>Runs the escalation sweep every minute (configurable) on every node; the lease makes one node do the work.</summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<EscalationWorker> log)
    : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Cairn:Escalation:IntervalSeconds", 60));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<EscalationSweep>().RunAsync(clock.GetUtcNow(), _holder, cancellationToken: stoppingToken);
                if (result.HeldLease)
                {
                    // Overdue professional disagreements climb their own ladder (L16); each is version-checked, so this is safe anywhere.
                    await scope.ServiceProvider.GetRequiredService<Features.Disagreements.EscalateOverdue.EscalateOverdueHandler>()
                        .RunAsync(clock.GetUtcNow(), stoppingToken);
                    // Late triage decisions at the front door climb the same ladder (issue #4).
                    await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().RunAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    // Unanswered concern prompts climb the ladder; every area is re-evaluated in full every few hours (L04, L09, L31).
                    var concerns = scope.ServiceProvider.GetRequiredService<Concerns.ConcernSweep>();
                    await concerns.EscalateAsync(clock.GetUtcNow(), cancellationToken: stoppingToken);
                    await concerns.EvaluateAllWhenDueAsync(clock.GetUtcNow(), _holder, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried at the next tick: the due times are still in the database.
                log.LogError(e, "Escalation sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
