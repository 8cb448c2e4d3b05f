using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>One rung an item about a child climbed: its level, who that rung tells, and when the item was due.</summary>
public readonly record struct ChildItemRung(int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>What a child-item sweep writes for each rung: the notification's kind, text and link, and the audit action and record type.</summary>
/// <typeparam name="T">The item.</typeparam>
internal sealed record ChildItemWords<T>(string NotificationKind, Func<T, ChildItemRung, string> Text, Func<T, string> Link, string AuditAction,
    string RecordType);

/// <summary>
/// The ladder for items about one child that their social worker owns (a return home interview not offered, a breach with no risk
/// assessment, a statutory visit not made): rung 1 tells the child's allocated social worker and their team manager — the
/// safeguarding leads when the child has no allocated social worker, rather than nobody — rung 2 the safeguarding leads, rung 3
/// the heads of service. Each rung is recorded on the item, told through the notification outbox and audited with no signed-in
/// actor, in one transaction per batch; the item's version check makes every rung happen once even when two sweeps overlap.
/// </summary>
internal sealed class ChildWorkerLadder(CairnDbContext db, AuditLog audit)
{
    private readonly LadderSweep _ladder = new(db);

    public async Task<int> RunAsync<T>(Func<IQueryable<T>> due, Func<T, Guid> key, Func<T, PersonId> childOf, Func<T, ChildItemRung?> climb,
        ChildItemWords<T> words, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        var today = now.InLondon();
        Dictionary<PersonId, List<ProfessionalId>> workers = [];
        // Read only when something is due: the sweeps run every minute and most minutes nothing is.
        Dictionary<TeamId, ProfessionalId>? managers = null;
        return await _ladder.RunAsync(due, key,
            async batch =>
            {
                managers ??= await TeamManagers.ActiveAsync(db, cancellationToken);
                var children = batch.Select(childOf).Distinct().ToList();
                workers = (await db.Involvements.AsNoTracking()
                        .Where(i => children.Contains(i.ChildId) && i.Role == InvolvementRole.AllocatedSocialWorker && i.StartedOn <= today
                                    && (i.EndedOn == null || i.EndedOn >= today))
                        .Select(i => new { i.ChildId, i.ProfessionalId }).ToListAsync(cancellationToken))
                    .GroupBy(i => i.ChildId).ToDictionary(g => g.Key, g => g.Select(i => i.ProfessionalId).ToList());
                return await _ladder.AreasOfChildrenAsync(batch.Select(x => (key(x), childOf(x))), cancellationToken);
            },
            (item, people) =>
            {
                if (climb(item) is not { } rung)
                {
                    return false;
                }

                var child = childOf(item);
                var firstRung = workers.GetValueOrDefault(child) is { Count: > 0 } allocated
                    ? allocated.SelectMany(w => LadderSweep.OwnerAndManager(w, people, managers!))
                    : LadderSweep.Audience(EscalationAudience.SafeguardingLead, people, []);
                _ladder.Tell(LadderSweep.Audience(rung.Audience, people, firstRung), words.NotificationKind, words.Text(item, rung),
                    words.Link(item), now);
                audit.Record(words.AuditAction, child, words.RecordType, key(item), detail: $"level {rung.Level}");
                return true;
            },
            cancellationToken);
    }
}
