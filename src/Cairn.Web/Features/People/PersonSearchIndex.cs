using Cairn.Domain.People;
using Cairn.Domain.Search;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.People;

/// <summary>
/// The search keys of a person: for every token of every name they have had (current, previous, alias, at birth;
/// a double-barrelled surname by its parts and joined), the folded token ("n" + token) and its sound-alike code
/// ("p" + <see cref="Caverphone"/>). Slips of the keyboard, nicknames and dates of birth need no keys of their own:
/// the query side expands a name into its variants, and dates of birth are found through the People table's own index.
/// </summary>
public static class PersonSearchIndex
{
    public const string NamePrefix = "n";
    public const string SoundPrefix = "p";
    private const int MaxKeyLength = 100;

    /// <summary>Every folded token of every name the person has had.</summary>
    public static IEnumerable<string> TokensFor(Person person) =>
        NameText.Tokens(person.GivenName).Concat(NameText.Tokens(person.FamilyName))
            .Concat(person.OtherNames.SelectMany(n => NameText.Tokens(n.GivenName).Concat(NameText.Tokens(n.FamilyName))))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The keys a query token is looked up by, or a record token is kept under.</summary>
    public static IEnumerable<string> KeysOf(string token)
    {
        yield return Trim(NamePrefix + token);
        var code = Caverphone.Encode(token);
        if (code.Length > 0)
        {
            yield return Trim(SoundPrefix + code);
        }
    }

    public static IEnumerable<PersonSearchKey> KeysFor(Person person) =>
        TokensFor(person).SelectMany(KeysOf).Distinct(StringComparer.Ordinal)
            .Select(k => new PersonSearchKey { PersonId = person.Id, Key = k });

    /// <summary>
    /// Adds the keys a person's names now need. Names are only ever added (a changed name is kept as a previous name),
    /// so a person's old keys are a subset of the new ones; the lookup is on the primary key (Key, PersonId).
    /// </summary>
    public static async Task RebuildAsync(CairnDbContext db, Person person, CancellationToken cancellationToken)
    {
        var wanted = KeysFor(person).ToList();
        var keys = wanted.Select(k => k.Key).ToList();
        var id = person.Id;
        var existing = (await db.PersonSearchKeys.Where(k => k.PersonId == id && keys.Contains(k.Key)).Select(k => k.Key)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.PersonSearchKeys.AddRange(wanted.Where(k => !existing.Contains(k.Key)));
    }

    /// <summary>
    /// Builds the keys of every person when there are people but no keys: after the migration that replaced the old
    /// typo-tolerant keys with these, in batches so a large area does not hold every person in memory.
    /// </summary>
    public static async Task EnsureBuiltAsync(CairnDbContext db, CancellationToken cancellationToken)
    {
        if (await db.PersonSearchKeys.AnyAsync(cancellationToken) || !await db.People.AnyAsync(cancellationToken))
        {
            return;
        }

        const int batch = 2000;
        for (var done = 0; ; done += batch)
        {
            var people = await db.People.AsNoTracking().OrderBy(p => p.Id).Skip(done).Take(batch).ToListAsync(cancellationToken);
            if (people.Count == 0)
            {
                return;
            }

            db.PersonSearchKeys.AddRange(people.SelectMany(KeysFor));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static string Trim(string key) => key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
}
