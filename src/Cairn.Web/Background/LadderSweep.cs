using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Escalation;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>An active professional of an agency in an area, as the ladder's rungs choose them.</summary>
public sealed record AreaPerson(ProfessionalId Id, Role Roles, TeamId? TeamId, AreaId AreaId);

/// <summary>
/// The loop shared by the sweeps of tracked, versioned items that climb the escalation ladder in an area (late triage
/// decisions, strategy discussions, concern prompts): read the due items a batch at a time, let the caller climb each
/// one rung and write its notifications, save the batch. A version conflict (someone acted meanwhile, or another sweep
/// got there first) reads the batch again, so nothing is escalated twice and nothing is lost. The share sweep, which
/// writes a million-share database's rows directly, has its own.
/// </summary>
internal sealed class LadderSweep(CairnDbContext db)
{
    public const int BatchSize = 500;

    /// <returns>How many items climbed a rung.</returns>
    public async Task<int> RunAsync<T>(Func<IQueryable<T>> due, Func<T, Guid> key, Func<List<T>, Task<Dictionary<Guid, AreaId>>> areasOf,
        Func<T, List<AreaPerson>, bool> escalate, CancellationToken cancellationToken)
        where T : class
    {
        var handled = new HashSet<Guid>();
        int escalated = 0, conflicts = 0;
        while (true)
        {
            var batch = await due().Take(BatchSize).ToListAsync(cancellationToken);
            var fresh = batch.Where(x => !handled.Contains(key(x))).ToList();
            if (fresh.Count == 0)
            {
                // Read again, still due, already handled: leave nothing tracked for the next user of the context.
                db.ChangeTracker.Clear();
                break;
            }

            var areaOf = await areasOf(fresh);
            var areas = areaOf.Values.Distinct().ToList();
            var people = await db.Professionals.AsNoTracking().Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => areas.Contains(a.AreaId)), p => p.AgencyId, a => a.Id,
                    (p, a) => new AreaPerson(p.Id, p.Roles, p.TeamId, a.AreaId))
                .ToListAsync(cancellationToken);
            var raised = 0;
            foreach (var item in fresh)
            {
                var area = areaOf.GetValueOrDefault(key(item));
                raised += escalate(item, people.Where(p => p.AreaId == area).ToList()) ? 1 : 0;
            }

            // A conflict leaves nothing tracked (Saving), so the batch is read again.
            if (!await db.TrySaveAsync(cancellationToken))
            {
                if (++conflicts > 10)
                {
                    break;
                }

                continue;
            }

            escalated += raised;
            handled.UnionWith(fresh.Select(key));
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return escalated;
    }

    /// <summary>The area of each item's child, by the item's key: one query for a batch.</summary>
    public async Task<Dictionary<Guid, AreaId>> AreasOfChildrenAsync(IEnumerable<(Guid Key, PersonId Child)> items,
        CancellationToken cancellationToken)
    {
        var list = items.ToList();
        var children = list.Select(i => i.Child).Distinct().ToList();
        var areas = await db.People.AsNoTracking().Where(p => children.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.AreaId, cancellationToken);
        return list.Where(i => areas.ContainsKey(i.Child)).ToDictionary(i => i.Key, i => areas[i.Child]);
    }

    /// <summary>A casework ladder's first rung: the person who owns the late item and the active manager of their team.</summary>
    public static IEnumerable<ProfessionalId> OwnerAndManager(ProfessionalId owner, IReadOnlyList<AreaPerson> people,
        Dictionary<TeamId, ProfessionalId> managers)
    {
        yield return owner;
        if (people.FirstOrDefault(p => p.Id == owner)?.TeamId is { } team && managers.TryGetValue(team, out var manager))
        {
            yield return manager;
        }
    }

    /// <summary>The area's front door managers: whoever is both front door and team manager.</summary>
    public static IEnumerable<ProfessionalId> FrontDoorManagers(IEnumerable<AreaPerson> inArea) =>
        inArea.Where(p => (p.Roles & (Role.FrontDoor | Role.TeamManager)) == (Role.FrontDoor | Role.TeamManager)).Select(p => p.Id);

    /// <summary>
    /// Who a rung tells in the area: the caller's first rung; then the safeguarding leads; then the heads of service, or
    /// the leads if there are none.
    /// </summary>
    public static IEnumerable<ProfessionalId> Audience(EscalationAudience audience, IReadOnlyList<AreaPerson> inArea,
        IEnumerable<ProfessionalId> firstRung) =>
        audience switch
        {
            EscalationAudience.SenderAndRecipientManager => firstRung,
            EscalationAudience.EmergencyDutyManager or EscalationAudience.OnCallSeniorManager => EmergencyDuty(audience, inArea),
            EscalationAudience.SafeguardingLead => inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
            _ => inArea.Where(p => (p.Roles & Role.HeadOfService) != 0).Select(p => p.Id) is var heads && heads.Any()
                ? heads
                : inArea.Where(p => (p.Roles & Role.SafeguardingLead) != 0).Select(p => p.Id),
        };

    /// <summary>
    /// The Emergency Duty Team's manager (on the team and a team manager), then the on-call senior manager (L02); whoever is
    /// missing is made up by the next: the on-call senior manager, the heads of service, the safeguarding leads.
    /// </summary>
    public static IEnumerable<ProfessionalId> EmergencyDuty(EscalationAudience audience, IReadOnlyList<AreaPerson> inArea) =>
        EmergencyDutyRoles(audience).Select(role => inArea.Where(p => (p.Roles & role) == role).Select(p => p.Id).ToList())
            .FirstOrDefault(ids => ids.Count > 0) ?? [];

    /// <summary>
    /// The roles a missed Emergency Duty Team acknowledgement tells, in the order they stand in for each other: the first
    /// with anyone in the area is told. The share sweep and the front door sweep both choose from this one list.
    /// </summary>
    public static IEnumerable<Role> EmergencyDutyRoles(EscalationAudience audience) =>
        (audience == EscalationAudience.EmergencyDutyManager ? [Role.EmergencyDuty | Role.TeamManager] : Array.Empty<Role>())
            .Concat([Role.SeniorManagerOnCall, Role.HeadOfService, Role.SafeguardingLead]);

    /// <summary>Adds one notification per person told, through the outbox, saved with the batch.</summary>
    public void Tell(IEnumerable<ProfessionalId> audience, string kind, string text, string link, DateTimeOffset now)
    {
        foreach (var to in audience.Distinct())
        {
            db.Notifications.Add(Notification.To(to, kind, text, link, now));
        }
    }
}
