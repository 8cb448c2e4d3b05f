using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Search;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.People;

/// <summary>A person weighed against a query, with their current postcode to tell people apart.</summary>
public sealed record RankedPerson(Person Person, PersonMatch Match, string? Postcode);

/// <summary>
/// Finds the records that could be the person described, whatever single slip was made, and ranks them with
/// <see cref="PersonMatcher"/>. Shared by person search and the duplicate check on creating a person. Candidates come from
/// several small indexed lookups, none of which filters by an exact term: the same NHS number; the name keys of every
/// word typed, its nicknames and spellings (<see cref="PersonSearchIndex"/>); a prefix of the name; the date of birth with
/// a day either side and day and month swapped; dates one slip away (year, month or day) for people whose name also
/// answers; and people living at the postcode. The caller decides who may be considered before anything is scored.
/// </summary>
public sealed class PersonMatching(CairnDbContext db, PersonMatcher matcher, TimeProvider clock)
{
    /// <summary>How many people each lookup may return, so a very common name cannot load thousands of records.</summary>
    public const int MaxPerLookup = 500;

    public async Task<HashSet<PersonId>> CandidatesAsync(MatchQuery query, CancellationToken cancellationToken)
    {
        var ids = new HashSet<PersonId>();
        if (query.NhsNumber is { } nhs)
        {
            ids.UnionWith(await db.People.Where(p => p.NhsNumber == nhs).Select(p => p.Id).Take(MaxPerLookup).ToListAsync(cancellationToken));
        }

        var tokens = query.Tokens.ToList();
        var keys = tokens.SelectMany(t => matcher.Variants.RelatedTo(t).Append(t)).Distinct(StringComparer.Ordinal)
            .SelectMany(PersonSearchIndex.KeysOf).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > 0)
        {
            // People answering the most words first: a name typed in full outranks one sharing a single common word.
            ids.UnionWith(await db.PersonSearchKeys.Where(k => keys.Contains(k.Key)).GroupBy(k => k.PersonId)
                .Select(g => new { Id = g.Key, Hits = g.Count() }).OrderByDescending(x => x.Hits).Take(MaxPerLookup).Select(x => x.Id)
                .ToListAsync(cancellationToken));
            foreach (var token in tokens.Where(t => t.Length >= 3))
            {
                // A key range rather than StartsWith: LIKE cannot use the index on SQLite.
                var from = PersonSearchIndex.NamePrefix + token;
                var to = from + "\uffff";
                ids.UnionWith(await db.PersonSearchKeys.Where(k => string.Compare(k.Key, from) >= 0 && string.Compare(k.Key, to) < 0)
                    .Select(k => k.PersonId).Take(MaxPerLookup).ToListAsync(cancellationToken));
            }
        }

        if (query.DateOfBirth is { } dob)
        {
            // The date of birth first, whatever the name: a common name cannot crowd out the person born that day.
            var close = DateOfBirthSlip.Neighbours(dob, close: true).Select(d => (DateOnly?)d).ToList();
            ids.UnionWith(await db.People.Where(p => close.Contains(p.DateOfBirth)).OrderBy(p => p.DateOfBirth == dob ? 0 : 1)
                .Select(p => p.Id).Take(MaxPerLookup).ToListAsync(cancellationToken));
            if (keys.Count > 0)
            {
                var wide = DateOfBirthSlip.Neighbours(dob, close: false).Select(d => (DateOnly?)d).Except(close).ToList();
                ids.UnionWith(await db.People
                    .Where(p => wide.Contains(p.DateOfBirth) && db.PersonSearchKeys.Any(k => k.PersonId == p.Id && keys.Contains(k.Key)))
                    .Select(p => p.Id).Take(MaxPerLookup).ToListAsync(cancellationToken));
            }
        }

        if (query.Postcode is { } postcode)
        {
            var today = clock.Today();
            ids.UnionWith(await db.Addresses.Where(a => a.Postcode == postcode && a.From <= today && (a.To == null || a.To >= today))
                .Select(a => a.PersonId).Distinct().Take(MaxPerLookup).ToListAsync(cancellationToken));
        }

        return ids;
    }

    /// <summary>
    /// Loads the candidates, keeps only those <paramref name="mayConsider"/> allows (nothing about anyone else is weighed
    /// or returned), and ranks them best first.
    /// </summary>
    public async Task<List<RankedPerson>> RankAsync(MatchQuery query, IReadOnlyCollection<PersonId> candidates, Func<Person, bool> mayConsider,
        CancellationToken cancellationToken)
    {
        var candidateIds = candidates.ToList();
        var people = (await db.People.AsNoTracking().Where(p => candidateIds.Contains(p.Id)).ToListAsync(cancellationToken))
            .Where(mayConsider).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var today = clock.Today();
        var postcodes = (await db.Addresses
                .Where(a => ids.Contains(a.PersonId) && a.From <= today && (a.To == null || a.To >= today))
                .Select(a => new { a.PersonId, a.Postcode, a.From })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).Select(a => a.Postcode).ToList());
        return people
            .Select(p =>
            {
                var living = postcodes.GetValueOrDefault(p.Id) ?? [];
                var candidate = new MatchCandidate(p.GivenName, p.FamilyName, p.OtherNames, p.DateOfBirth ?? p.ExpectedDateOfBirth, p.NhsNumber,
                    living, p.Sex);
                return new RankedPerson(p, matcher.Match(query, candidate), living.FirstOrDefault());
            })
            .OrderByDescending(r => r.Match.Score)
            .ThenBy(r => r.Person.FamilyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Person.GivenName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The shipped name variants, with an area's own rows from the file at <c>Cairn:Search:NameVariantsFile</c> if set.</summary>
    public static PersonMatcher MatcherFrom(IConfiguration configuration)
    {
        var variants = NameVariants.Shipped;
        if (configuration["Cairn:Search:NameVariantsFile"] is { Length: > 0 } file)
        {
            variants = variants.With(File.ReadAllLines(file));
        }

        return new PersonMatcher(variants);
    }
}
