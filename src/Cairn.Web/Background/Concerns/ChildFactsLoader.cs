using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background.Concerns;

/// <summary>
/// Loads what the concern rules know about many children at once: a fixed handful of queries per batch, whatever
/// its size (no query per child). The ids go to the database as one collection parameter (<c>EF.Parameter</c>: JSON
/// on SQLite, an array on PostgreSQL), not as thousands of <c>IN (@p1, …)</c> parameters, which cost a 2,000-child
/// batch about 0.8 s on SQLite before any row was read (issue #4's full evaluation: 48 s, now 6 s). Entries come from
/// the <see cref="Domain.Chronology.ChronologySubject"/> rows, which carry copies of every field a rule reads, so the
/// chronology's narratives are never loaded.
/// </summary>
public sealed class ChildFactsLoader(CairnDbContext db, ConcernReferenceData reference)
{
    /// <summary>Facts for each of <paramref name="children"/>, who must be children (the caller has read who they are).</summary>
    public async Task<IReadOnlyList<ChildFacts>> LoadAsync(IReadOnlyList<ChildToEvaluate> children, ConcernRuleSettings settings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Select(c => c.Id).ToList();
        var today = now.InLondon();
        var needs = await NeedsAsync(ids, cancellationToken);
        // Each child's entries reach back only as far as the rules that apply to that child can look (a busy
        // 9-year-old's last 90 days, not a year); the batch reads from the earliest of them.
        var from = new Dictionary<PersonId, DateTimeOffset>(children.Count);
        foreach (var child in children)
        {
            var (complex, homeEducated) = needs.GetValueOrDefault(child.Id);
            from[child.Id] = ConcernRules.WindowStart(now, ConcernRules.LookBackDays(settings, child.DateOfBirth, complex, homeEducated, today));
        }

        var since = from.Values.Min();
        // Contacts count for the repeated no-further-action rule alone: the start of its own window, in London days.
        var contactsSince = ConcernRules.WindowStart(now, settings.RepeatedNoFurtherAction.WindowDays);

        var households = await CurrentHouseholdsAsync(ids, today, cancellationToken);
        var everyone = households.Values.SelectMany(h => h).Concat(ids).Distinct().ToList();
        var subjects = await db.ChronologySubjects.AsNoTracking()
            .Where(s => EF.Parameter(everyone).Contains(s.PersonId) && s.OccurredAt >= since && s.OccurredAt <= now)
            .Select(s => new
            {
                s.PersonId,
                s.EntryId,
                s.AgencyId,
                s.OccurredAt,
                s.Category,
                s.Significance,
                s.ContactMode,
                s.AppointmentOutcome,
                s.Concerns,
            })
            .ToListAsync(cancellationToken);
        var agencyKinds = await reference.AgencyKindsAsync(subjects.Select(s => s.AgencyId).Distinct(), cancellationToken);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.ChildId) && (c.DecidedAt ?? c.ReceivedAt) >= contactsSince)
            .Select(c => new { c.ChildId, c.Id, c.ReceivedAt, c.Status, c.Outcome, c.DecidedAt })
            .ToListAsync(cancellationToken);

        var byPerson = subjects.ToLookup(s => s.PersonId);
        var contactsByChild = contacts.ToLookup(c => c.ChildId);
        var facts = new List<ChildFacts>(children.Count);
        foreach (var child in children)
        {
            var start = from[child.Id];
            var entries = new Dictionary<ChronologyEntryId, FactEntry>();
            foreach (var s in byPerson[child.Id])
            {
                if (s.OccurredAt >= start)
                {
                    entries[s.EntryId] = new FactEntry(s.EntryId, true, s.AgencyId, agencyKinds.GetValueOrDefault(s.AgencyId), s.OccurredAt,
                        s.Category, s.Significance, s.ContactMode, s.AppointmentOutcome, s.Concerns);
                }
            }

            foreach (var member in households.GetValueOrDefault(child.Id) ?? [])
            {
                foreach (var s in byPerson[member])
                {
                    if (s.OccurredAt >= start)
                    {
                        entries.TryAdd(s.EntryId, new FactEntry(s.EntryId, false, s.AgencyId, agencyKinds.GetValueOrDefault(s.AgencyId), s.OccurredAt,
                            s.Category, s.Significance, s.ContactMode, s.AppointmentOutcome, s.Concerns));
                    }
                }
            }

            var (complex, homeEducated) = needs.GetValueOrDefault(child.Id);
            facts.Add(new ChildFacts(child.Id, child.DateOfBirth, complex, homeEducated, entries.Values.ToList(),
                contactsByChild[child.Id]
                    // A decision only counts once it is signed off.
                    .Select(c => new ContactFact(c.Id, c.ReceivedAt, c.Status == ContactStatus.Decided ? c.Outcome : null,
                        c.Status == ContactStatus.Decided ? c.DecidedAt : null))
                    .ToList()));
        }

        return facts;
    }

    /// <summary>
    /// Whether each child has complex needs and is electively home educated (L09, L50), from the child's education and
    /// needs record. Children with no record have neither.
    /// </summary>
    public async Task<Dictionary<PersonId, (bool ComplexNeeds, bool ElectivelyHomeEducated)>> NeedsAsync(IReadOnlyCollection<PersonId> children,
        CancellationToken cancellationToken) =>
        (await db.EducationFlagsAsync(children, cancellationToken)).ToDictionary(f => f.PersonId, f => (f.HasComplexNeeds, f.ElectivelyHomeEducated));

    /// <summary>Everyone else living with each of these people today, from their current households.</summary>
    public async Task<Dictionary<PersonId, List<PersonId>>> CurrentHouseholdsAsync(IReadOnlyCollection<PersonId> people, DateOnly today,
        CancellationToken cancellationToken)
    {
        // From the members' PersonId index to their households, then those households' members: never a scan of
        // every household (a correlated EXISTS per household was most of an incremental evaluation's time).
        var ids = people as List<PersonId> ?? people.ToList();
        var theirs = db.Households.SelectMany(h => h.Members, (h, m) => new { h.Id, m.PersonId, m.JoinedOn, m.LeftOn })
            .Where(m => EF.Parameter(ids).Contains(m.PersonId) && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today))
            .Select(m => m.Id);
        var rows = await db.Households.AsNoTracking().Where(h => theirs.Contains(h.Id))
            .SelectMany(h => h.Members, (h, m) => new { h.Id, m.PersonId, m.JoinedOn, m.LeftOn })
            .Where(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn >= today))
            .ToListAsync(cancellationToken);
        var households = rows.GroupBy(r => r.Id, r => r.PersonId);
        var wanted = people.ToHashSet();
        var result = new Dictionary<PersonId, List<PersonId>>();
        foreach (var household in households)
        {
            var members = household.Distinct().ToList();
            foreach (var person in members.Where(wanted.Contains))
            {
                if (!result.TryGetValue(person, out var others))
                {
                    result[person] = others = [];
                }

                others.AddRange(members.Where(m => m != person && !others.Contains(m)));
            }
        }

        return result;
    }
}

/// <summary>A child to evaluate, as read with the batch: no second look-up of who they are.</summary>
public readonly record struct ChildToEvaluate(PersonId Id, DateOnly? DateOfBirth);
