using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Chronology;

/// <summary>Filters on the integrated chronology. Household events are the significant or critical ones only.</summary>
public sealed record ChronologyFilter(
    AgencyId? Agency = null,
    ChronologyCategory? Category = null,
    Significance? MinimumSignificance = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool IncludeHousehold = false,
    int Page = 1)
{
    public const int PageSize = 25;
}

public sealed record ChronologyPage(IReadOnlyList<ChronologyItem> Items, int Total, int Page, int PageCount);

/// <summary>One entry of a child's chronology as a reader sees it.</summary>
public sealed record ChronologyItem
{
    public required ChronologyEntryId Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public required string Agency { get; init; }
    public required ChronologyCategory Category { get; init; }
    public required Significance Significance { get; init; }
    public ContactMode? ContactMode { get; init; }
    public AppointmentOutcome? AppointmentOutcome { get; init; }
    public required string Summary { get; init; }
    public string? Detail { get; init; }
    public VoiceOfChild? Voice { get; init; }
    public required bool Amended { get; init; }
    public required bool AboutSomeoneElse { get; init; }
    public string? AboutName { get; init; }
    public Domain.Concerns.ConcernTheme Concerns { get; init; } = Domain.Concerns.ConcernTheme.None;
}

/// <summary>
/// The integrated multi-agency chronology of one child (L03), newest first, a page at a time, with the household's
/// significant events when asked. Read by the child's record and by the page that records an entry; callers check access.
/// </summary>
public sealed class ChildChronologyHandler(CairnDbContext db)
{
    /// <summary>A page of the child's chronology. Callers must already have checked that the viewer may open the record.</summary>
    public async Task<ChronologyPage> ReadAsync(PersonId id, ChronologyFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var household = filter.IncludeHousehold ? await HouseholdMembersAsync(id, today, cancellationToken) : [];
        var own = Filtered(db.ChronologySubjects.AsNoTracking().Where(s => s.PersonId == id), filter)
            .Select(s => new { s.EntryId, s.OccurredAt })
            .OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.EntryId);
        List<ChronologyEntryId> ids;
        int total, page, pageCount;
        if (household.Count == 0)
        {
            total = await own.CountAsync(cancellationToken);
            (page, pageCount) = PageOf(total, filter.Page);
            ids = await own.Skip((page - 1) * ChronologyFilter.PageSize).Take(ChronologyFilter.PageSize)
                .Select(s => s.EntryId).ToListAsync(cancellationToken);
        }
        else
        {
            // An entry about the child and a sibling appears once: the household's rows leave out entries the child is
            // a subject of, which the child's own rows already hold whenever they pass the filters (every subject row
            // carries the same copies of the filtered fields). The household's significant entries are few beside the
            // child's own, so they are read whole; the child's are read in order from the index only as far as this
            // page, and the two are merged here. One query over both made SQLite de-duplicate and sort the child's
            // whole chronology on every page.
            var householdRows = await Filtered(db.ChronologySubjects.AsNoTracking()
                    .Where(s => household.Contains(s.PersonId) && s.Significance >= Significance.Significant
                                && !db.ChronologySubjects.Any(o => o.PersonId == id && o.EntryId == s.EntryId)), filter)
                .Select(s => new { s.EntryId, s.OccurredAt })
                .Distinct()
                .ToListAsync(cancellationToken);
            total = await own.CountAsync(cancellationToken) + householdRows.Count;
            (page, pageCount) = PageOf(total, filter.Page);
            var newest = await own.Take(page * ChronologyFilter.PageSize).ToListAsync(cancellationToken);
            ids = newest.Concat(householdRows).OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.EntryId.Value)
                .Skip((page - 1) * ChronologyFilter.PageSize).Take(ChronologyFilter.PageSize)
                .Select(s => s.EntryId).ToList();
        }

        var rows = await db.ChronologyEntries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Join(db.Professionals, e => e.RecordedBy, p => p.Id, (e, p) => new { e, RecordedBy = p.Name })
            .Join(db.Agencies, x => x.e.AgencyId, a => a.Id, (x, a) => new
            {
                x.e.Id,
                x.e.Content,
                x.e.RecordedAt,
                x.RecordedBy,
                Agency = a.Name,
                x.e.Version,
                AboutChild = db.ChronologySubjects.Any(s => s.EntryId == x.e.Id && s.PersonId == id),
            })
            .ToListAsync(cancellationToken);

        var others = household.Count == 0
            ? []
            : await OtherSubjectNamesAsync(rows.Where(r => !r.AboutChild).Select(r => r.Id).ToList(), household, cancellationToken);
        var items = rows
            .OrderByDescending(r => r.Content.OccurredAt).ThenByDescending(r => r.Id.Value)
            .Select(r => new ChronologyItem
            {
                Id = r.Id,
                OccurredAt = r.Content.OccurredAt,
                RecordedAt = r.RecordedAt,
                RecordedBy = r.RecordedBy,
                Agency = r.Agency,
                Category = r.Content.Category,
                Significance = r.Content.Significance,
                ContactMode = r.Content.ContactMode,
                AppointmentOutcome = r.Content.AppointmentOutcome,
                Summary = r.Content.Summary,
                Detail = r.Content.Detail,
                Voice = r.Content.Voice,
                Amended = r.Version > 1,
                AboutSomeoneElse = !r.AboutChild,
                AboutName = others.GetValueOrDefault(r.Id),
                Concerns = r.Content.Concerns,
            })
            .ToList();
        return new ChronologyPage(items, total, page, pageCount);
    }

    private static (int Page, int PageCount) PageOf(int total, int requested)
    {
        var pageCount = Math.Max(1, (total + ChronologyFilter.PageSize - 1) / ChronologyFilter.PageSize);
        return (Math.Clamp(requested, 1, pageCount), pageCount);
    }

    private static IQueryable<ChronologySubject> Filtered(IQueryable<ChronologySubject> subjects, ChronologyFilter filter)
    {
        if (filter.Agency is { } agency)
        {
            subjects = subjects.Where(s => s.AgencyId == agency);
        }

        if (filter.Category is { } category)
        {
            subjects = subjects.Where(s => s.Category == category);
        }

        if (filter.MinimumSignificance is { } significance)
        {
            subjects = subjects.Where(s => s.Significance >= significance);
        }

        if (filter.From is { } from)
        {
            var start = Clock.FromLondon(from.ToDateTime(TimeOnly.MinValue));
            subjects = subjects.Where(s => s.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = Clock.FromLondon(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            subjects = subjects.Where(s => s.OccurredAt < end);
        }

        return subjects;
    }

    private async Task<Dictionary<ChronologyEntryId, string>> OtherSubjectNamesAsync(List<ChronologyEntryId> entryIds, List<PersonId> household,
        CancellationToken cancellationToken)
    {
        var names = await db.ChronologySubjects.AsNoTracking()
            .Where(s => entryIds.Contains(s.EntryId) && household.Contains(s.PersonId))
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s.EntryId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        return names.GroupBy(n => n.EntryId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(n => n.Name)));
    }

    /// <summary>The other current members of every household the child is in now.</summary>
    public async Task<List<PersonId>> HouseholdMembersAsync(PersonId id, DateOnly today, CancellationToken cancellationToken)
    {
        // Found from the member's side, through the index on the person: "households with such a member" (EXISTS)
        // made SQLite visit every household in the database.
        var current = db.Households
            .SelectMany(h => h.Members, (h, m) => new { HouseholdId = h.Id, m.PersonId, m.LeftOn })
            .Where(x => x.PersonId == id && x.LeftOn == null)
            .Select(x => x.HouseholdId);
        var households = await db.Households.AsNoTracking()
            .Where(h => current.Contains(h.Id))
            .ToListAsync(cancellationToken);
        return households.SelectMany(h => h.MembersOn(today)).Where(p => p != id).Distinct().ToList();
    }
}
