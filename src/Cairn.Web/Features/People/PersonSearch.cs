using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Domain.Search;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.People;

/// <summary>What to look for: any combination, at least one. Every term given must match.</summary>
public sealed record FindPersonQuery(string? Name, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Postcode);
}

/// <summary>One person found, with just enough to tell people apart and nothing more.</summary>
public sealed record FoundPerson(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber,
    string? Postcode);

public sealed record FoundPeople(IReadOnlyList<FoundPerson> People, bool MoreNotShown);

/// <summary>
/// Person search, shared by the FindPerson screen and API and by the family slices that offer people to link: only
/// people the professional may open are found.
/// </summary>
public sealed class FindPersonHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const int MaxResults = 50;

    public const string InvalidDateOfBirth = "Date of birth must be a real date, like 2019-03-14";

    /// <summary>
    /// How many name candidates are scored in memory. Keeps a very common name from loading thousands of
    /// records; people then narrow the search with a date of birth or postcode.
    /// </summary>
    private const int MaxCandidates = 2000;

    /// <summary>
    /// Finds the people the professional may open that match every term given. Names match whatever the
    /// case or accents, by prefix, or with a slip of the keyboard (see <see cref="NameText"/>).
    /// </summary>
    public async Task<Handled<FoundPeople>> HandleAsync(FindPersonQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return Refusal.Of("Name", "Enter a name, date of birth, NHS number or postcode");
        }

        var errors = new List<FieldError>();
        string? nhsNumber = null;
        if (!string.IsNullOrWhiteSpace(query.NhsNumber))
        {
            if (NhsNumber.TryParse(query.NhsNumber, out var parsed, out var error))
            {
                nhsNumber = parsed.Value;
            }
            else
            {
                errors.Add(new("NhsNumber", error ?? "Enter a valid NHS number"));
            }
        }

        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            if (Postcode.TryParse(query.Postcode, out var parsed, out var error))
            {
                postcode = parsed.ToString();
            }
            else
            {
                errors.Add(new("Postcode", error ?? "Enter a real postcode, like SW1A 1AA"));
            }
        }

        var tokens = NameText.Tokens(query.Name);
        if (!string.IsNullOrWhiteSpace(query.Name) && tokens.Count == 0)
        {
            errors.Add(new("Name", "Enter a name using letters"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            audit.Record("person.search", null, outcome: "refused", detail: "invalid search terms");
            await db.SaveChangesAsync(cancellationToken);
            return refusal;
        }

        // Names and postcodes narrow to a bounded set of ids first, each through its own index; the people are then
        // loaded by primary key. Filtering by area in the same statement would tempt SQLite to scan the whole area.
        var today = clock.Today();
        IQueryable<PersonId>? candidates = null;
        if (tokens.Count > 0)
        {
            candidates = NameCandidates(query.Name!);
        }

        if (postcode is not null)
        {
            var living = db.Addresses
                .Where(a => a.Postcode == postcode && a.From <= today && (a.To == null || a.To >= today))
                .Select(a => a.PersonId);
            if (candidates is not null)
            {
                var named = candidates.Take(MaxCandidates);
                living = living.Where(id => named.Contains(id));
            }

            candidates = living.Distinct();
        }

        candidates = candidates?.Take(MaxCandidates);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var area = user.AreaId;
        var people = db.People.AsNoTracking();
        if (candidates is not null && visible is not null)
        {
            var mine = (await candidates.ToListAsync(cancellationToken)).Where(visible.Contains).ToList();
            people = people.Where(p => EF.Parameter(mine).Contains(p.Id));
        }
        else if (candidates is not null)
        {
            // The candidates stay in the database as a subquery: sent back as a parameter each, a common name's
            // two thousand ids took SQLite longer to bind than the search itself.
            var ids = candidates;
            people = people.Where(p => ids.Contains(p.Id));
        }
        else if (visible is not null)
        {
            var visibleIds = visible.ToList();
            people = people.Where(p => EF.Parameter(visibleIds).Contains(p.Id));
        }

        if (query.DateOfBirth is { } dob)
        {
            people = people.Where(p => p.DateOfBirth == dob);
        }

        if (nhsNumber is not null)
        {
            people = people.Where(p => p.NhsNumber == nhsNumber);
        }

        List<Person> found;
        if (candidates is not null)
        {
            // Need-to-know for area-wide reach: the same area as the professional. Checked here, over the bounded candidates.
            var loaded = (await people.ToListAsync(cancellationToken)).Where(p => visible is not null || p.AreaId == area);
            found = loaded
                .Select(p => (Person: p, Score: tokens.Count == 0 ? 1.0 : NameText.MatchScore(tokens, PersonSearchIndex.TokensFor(p).ToList())))
                .Where(x => x.Score is not null)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Person.FamilyName, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Person.GivenName,
                    StringComparer.OrdinalIgnoreCase)
                .Select(x => x.Person)
                .Take(MaxResults + 1)
                .ToList();
        }
        else
        {
            // Only a date of birth or NHS number: both indexed and selective.
            if (visible is null)
            {
                people = people.Where(p => p.AreaId == area);
            }

            found = await people.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaxResults + 1).ToListAsync(cancellationToken);
        }

        var shown = found.Take(MaxResults).ToList();
        var shownIds = shown.Select(p => p.Id).ToList();
        var postcodes = (await db.Addresses
                .Where(a => shownIds.Contains(a.PersonId) && a.From <= today && (a.To == null || a.To >= today))
                .Select(a => new { a.PersonId, a.Postcode, a.From })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First().Postcode);

        // The terms are names and identifiers: the audit keeps only that a search happened and how many it found.
        audit.Record("person.search", null, outcome: "succeeded", detail: $"results={shown.Count}{(found.Count > MaxResults ? "+" : "")}");
        await db.SaveChangesAsync(cancellationToken);

        var results = shown.Select(p => new FoundPerson(p.Id, p.FullName, p.Kind, p.DateOfBirth, p.ExpectedDateOfBirth, p.NhsNumber,
            postcodes.GetValueOrDefault(p.Id))).ToList();
        return new FoundPeople(results, found.Count > MaxResults);
    }

    /// <summary>
    /// Ids of people whose names answer every word of the query. A word's token finds people with a name token
    /// one edit from it (they share a deletion key) or starting with it (3 letters or more). A hyphenated word
    /// finds people by all of its parts or by its joined form, as <see cref="NameText.MatchScore"/> allows.
    /// </summary>
    private IQueryable<PersonId> NameCandidates(string name)
    {
        IQueryable<PersonId>? matches = null;
        foreach (var word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // One token for a plain word; for a hyphenated one its parts, then the joined form last.
            var tokens = NameText.Tokens(word);
            if (tokens.Count == 0)
            {
                continue;
            }

            var parts = tokens.Count == 1 ? tokens : tokens.Take(tokens.Count - 1);
            var ids = parts.Select(TokenCandidates).Aggregate((all, next) => all.Intersect(next));
            if (tokens.Count > 1)
            {
                ids = ids.Union(TokenCandidates(tokens[^1]));
            }

            // Every word must find the person, so candidates are the intersection.
            matches = matches is null ? ids : matches.Intersect(ids);
        }

        return matches!;
    }

    /// <summary>Both lookups are on the index's primary key (Key, PersonId).</summary>
    private IQueryable<PersonId> TokenCandidates(string token)
    {
        var keys = NameText.DeletionKeys(token).ToList();
        var ids = db.PersonSearchKeys.Where(k => keys.Contains(k.Key)).Select(k => k.PersonId);
        if (token.Length >= 3)
        {
            // A key range rather than StartsWith: LIKE cannot use the index on SQLite.
            var from = token;
            var to = token + "\uffff";
            ids = ids.Union(db.PersonSearchKeys.Where(k => string.Compare(k.Key, from) >= 0 && string.Compare(k.Key,
                to) < 0).Select(k => k.PersonId));
        }

        return ids;
    }
}
