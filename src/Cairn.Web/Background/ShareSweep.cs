using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cairn.Web.Background;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(bool HeldLease, int Looked, int Escalated, int Conflicts);

/// <summary>
/// Escalation by itself (L01): finds shares whose clock has run out from the due times stored on them, climbs one
/// rung of the ladder for each, records it on the share and tells the rung's audience through the notification
/// outbox, all in one transaction per batch. Safe to run on several nodes at once: only the holder of the
/// database lease sweeps, and each share is written only if its version is still the one the sweep read, so an
/// escalation is written exactly once even if two sweeps overlap. Because the work comes from stored due times,
/// a restart loses nothing.
/// </summary>
/// <remarks>
/// The shares are read once, untracked, and written with <see cref="RowWriter"/> rather than SaveChanges: with
/// 10,000 shares due among a million open, SaveChanges took about three seconds (some 70,000 rows: the shares,
/// their events and about five notifications each), against the target of half a second (issue #3). On SQLite the
/// WAL checkpoint, which cost a committing sweep 350-450 ms, runs in the background after it (SqliteCheckpointer):
/// see bench/README.md.
/// </remarks>
public sealed class ShareSweep(CairnDbContext db, WorkingCalendarSource calendars, ILogger<ShareSweep> log, SqliteCheckpointer? checkpointer = null)
{
    public const string LeaseName = "share-escalation";
    public const int BatchSize = 1000;

    /// <summary>
    /// At most this many shares per sweep; after an outage the rest follow at the next sweeps, oldest due first. It
    /// bounds the memory and the time a sweep takes well inside the lease.
    /// </summary>
    public const int MaxPerSweep = 50_000;

    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    public async Task<SweepResult> RunAsync(DateTimeOffset now, string holder, EscalationLadder? ladder = null,
        CancellationToken cancellationToken = default)
    {
        ladder ??= EscalationLadder.Default;
        if (!await TakeLeaseAsync(holder, now, cancellationToken))
        {
            return new SweepResult(false, 0, 0, 0);
        }

        // On SQLite the log is copied back into the file after the sweep, not while it writes (see SqliteCheckpointer).
        using var deferral = checkpointer?.Defer();
        var calendar = await calendars.GetAsync(cancellationToken);
        var audiences = await AudiencesAsync(cancellationToken);
        var rules = await AreaOutOfHoursRules.AllAsync(db, cancellationToken);
        // Each due share is read once, so it climbs one rung per sweep at most: a share far overdue whose next rung is
        // also due climbs it at the next sweep, so each rung's audience hears of it separately. A share is also due when
        // its out-of-hours clock is (L02): passing to the Emergency Duty Team at the close of the day, a missed
        // acknowledgement, or the hand-back at the start of the working day.
        var due = await db.Shares.AsNoTracking()
            .Where(s => (s.NextEscalationAt != null && s.NextEscalationAt <= now) || (s.NextOutOfHoursAt != null && s.NextOutOfHoursAt <= now))
            .OrderBy(s => s.NextEscalationAt ?? s.NextOutOfHoursAt)
            .Take(MaxPerSweep)
            .ToListAsync(cancellationToken);
        var columns = new ShareColumns(db.Model.FindEntityType(typeof(Share))!);
        var writer = new RowWriter(db);
        int escalated = 0, conflicts = 0;
        foreach (var batch in due.Chunk(BatchSize))
        {
            var changes = new List<Change>();
            foreach (var share in batch)
            {
                var before = columns.Read(share);
                var version = share.Version;
                var events = share.Events.Count;
                var escalation = share.Sweep(now, ladder, calendar, audiences.RulesFor(share, rules));
                if (columns.Changed(before, share) is var changed and not 0)
                {
                    changes.Add(new Change(share, version, changed, share.Events.Skip(events).ToList(), escalation));
                }
            }

            if (changes.Count == 0)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = new List<Change>();
            // Every sweep writes in the same order (by what changed, then by id), so two overlapping sweeps on
            // PostgreSQL take the rows' locks in the same order and never wait on each other in a circle.
            foreach (var shape in changes.GroupBy(c => c.Columns).OrderBy(g => g.Key))
            {
                var rows = shape.OrderBy(c => c.Share.Id.Value).ToList();
                var won = await writer.UpdateIfUnchangedAsync(rows.Select(c => (c.Share, (object)c.Version)).ToList(), columns.Names(shape.Key),
                    nameof(Share.Version), cancellationToken);
                for (var i = 0; i < rows.Count; i++)
                {
                    if (won[i])
                    {
                        written.Add(rows[i]);
                    }
                    else
                    {
                        // Another sweep or a person changed this share since it was read: theirs stands. If it is
                        // still due, the next sweep reads it afresh.
                        conflicts++;
                    }
                }
            }

            await writer.InsertAsync(written.SelectMany(c => c.Events).ToList(), cancellationToken);
            var notifications = new List<Notification>();
            foreach (var (share, escalation) in written.Where(c => c.Escalation is not null).Select(c => (c.Share, c.Escalation!)))
            {
                var (kind, text) = escalation.Clock switch
                {
                    ShareClock.EmergencyDuty => ("share.emergency-duty.escalated",
                        $"Urgent share not acknowledged by the Emergency Duty Team: escalation level {escalation.Level}"),
                    ShareClock.Receipt => ("share.escalated", $"Share overdue for receipt: escalation level {escalation.Level}"),
                    _ => ("share.escalated", $"Share overdue for action: escalation level {escalation.Level}"),
                };
                notifications.AddRange(audiences.For(escalation.Audience, share)
                    .Select(to => Notification.To(to, kind, text, $"/shares/{share.Id.Value}", now)));
            }

            await writer.InsertAsync(notifications, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            escalated += written.Count(c => c.Escalation is not null);
        }

        if (escalated > 0)
        {
            log.LogInformation("Escalation sweep escalated {Escalated} shares of {Looked} looked at", escalated, due.Count);
        }

        return new SweepResult(true, due.Count, escalated, conflicts);
    }

    /// <summary>What the sweep changed on one share: the columns (a bit each), the version it read and the events it added.</summary>
    private sealed record Change(Share Share, int Version, ulong Columns, IReadOnlyList<ShareEvent> Events, ShareEscalation? Escalation);

    /// <summary>
    /// The share's columns from the model, to see which ones <see cref="Share.Sweep"/> changed: those, and only those,
    /// are written, whatever the domain decides to change.
    /// </summary>
    private sealed class ShareColumns
    {
        private readonly IProperty[] _properties;
        private readonly IClrPropertyGetter[] _getters;

        public ShareColumns(IEntityType share)
        {
            _properties = share.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
            if (_properties.Length > 64)
            {
                throw new NotSupportedException("A share has more columns than the sweep's change mask holds.");
            }

            _getters = _properties.Select(p => p.GetGetter()).ToArray();
        }

        public object?[] Read(Share share) => _getters.Select(g => g.GetClrValue(share)).ToArray();

        public ulong Changed(object?[] before, Share share)
        {
            var changed = 0UL;
            for (var i = 0; i < _getters.Length; i++)
            {
                if (!Equals(before[i], _getters[i].GetClrValue(share)))
                {
                    changed |= 1UL << i;
                }
            }

            return changed;
        }

        public List<string> Names(ulong columns) =>
            _properties.Where((_, i) => (columns & (1UL << i)) != 0).Select(p => p.Name).ToList();
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
        // A team whose manager has left counts as having none, so the first rung falls back rather than tell a leaver.
        var active = await TeamManagers.ActiveAsync(db, cancellationToken);
        var teams = (await db.Teams.AsNoTracking().Select(t => t.Id).ToListAsync(cancellationToken))
            .ToDictionary(t => t, t => active.TryGetValue(t, out var manager) ? manager : (ProfessionalId?)null);
        var areas = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.AreaId, cancellationToken);
        return new Audiences(professionals, teams, areas);
    }

    /// <summary>
    /// Who each rung tells, worked out once per sweep from the area's professionals and teams. The first rung tells the
    /// sender and the manager of the team the share is for (or of the named recipient's team). A share with no team
    /// manager to tell (addressed to a whole agency, or to a team with no manager recorded) tells the managers of
    /// that agency's front door, where unaddressed work lands, and in an agency with no front door the area's
    /// safeguarding leads, the next rung, at once. It never tells every manager in the agency: 42 in the bench area's
    /// children's services, each of whom would assume another had it in hand.
    /// </summary>
    private sealed class Audiences
    {
        private readonly Dictionary<ProfessionalId, TeamId?> _teamOf;
        private readonly IReadOnlyDictionary<TeamId, ProfessionalId?> _managers;
        private readonly IReadOnlyDictionary<AgencyId, AreaId> _areas;
        private readonly Dictionary<AgencyId, ProfessionalId[]> _frontDoorManagers;
        private readonly Dictionary<(AreaId, Role), ProfessionalId[]> _inArea;

        public Audiences(IReadOnlyList<Person> people, IReadOnlyDictionary<TeamId, ProfessionalId?> managers,
            IReadOnlyDictionary<AgencyId, AreaId> areas)
        {
            _teamOf = people.ToDictionary(p => p.Id, p => p.Team);
            _managers = managers;
            _areas = areas;
            _frontDoorManagers = people.Where(p => p.Roles.HasFlag(Role.TeamManager | Role.FrontDoor)).GroupBy(p => p.Agency)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToArray());
            _inArea = people.Where(p => areas.ContainsKey(p.Agency))
                .SelectMany(p => new[] { Role.SafeguardingLead, Role.HeadOfService, Role.SeniorManagerOnCall, Role.EmergencyDuty | Role.TeamManager }
                    .Where(r => p.Roles.HasFlag(r))
                    .Select(r => (Key: (areas[p.Agency], r), p.Id)))
                .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Id).ToArray());
        }

        public sealed record Person(ProfessionalId Id, AgencyId Agency, TeamId? Team, Role Roles);

        /// <summary>The out-of-hours rules of the area the share was sent to.</summary>
        public OutOfHoursRules RulesFor(Share share, Dictionary<AreaId, OutOfHoursRules> rules) =>
            _areas.TryGetValue(share.RecipientAgency, out var area) && rules.TryGetValue(area, out var own) ? own : OutOfHoursRules.Default;

        public IEnumerable<ProfessionalId> For(EscalationAudience audience, Share share)
        {
            var area = _areas.GetValueOrDefault(share.RecipientAgency);
            switch (audience)
            {
                case EscalationAudience.SenderAndRecipientManager:
                    var team = share.RecipientTeam ?? (share.RecipientProfessional is { } named ? _teamOf.GetValueOrDefault(named) : null);
                    IEnumerable<ProfessionalId> managers = team is { } t && _managers.GetValueOrDefault(t) is { } manager
                        ? [manager]
                        : _frontDoorManagers.GetValueOrDefault(share.RecipientAgency) ?? InArea(area, Role.SafeguardingLead);
                    return managers.Append(share.SentBy).Distinct();
                case EscalationAudience.SafeguardingLead:
                    return InArea(area, Role.SafeguardingLead);
                case EscalationAudience.EmergencyDutyManager or EscalationAudience.OnCallSeniorManager:
                    return EmergencyDuty(audience, area);
                default:
                    var heads = InArea(area, Role.HeadOfService);
                    return heads.Length > 0 ? heads : InArea(area, Role.SafeguardingLead);
            }
        }

        private ProfessionalId[] InArea(AreaId area, Role role) => _inArea.GetValueOrDefault((area, role)) ?? [];

        /// <summary>
        /// The Emergency Duty Team's manager, then the on-call senior manager (L02). Whoever is missing is made up by the
        /// next: no manager, the on-call senior manager; no one on call, the heads of service, then the safeguarding leads.
        /// </summary>
        private ProfessionalId[] EmergencyDuty(EscalationAudience audience, AreaId area) =>
            LadderSweep.EmergencyDutyRoles(audience).Select(role => InArea(area, role)).FirstOrDefault(group => group.Length > 0) ?? [];
    }
}
