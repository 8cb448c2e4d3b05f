using Cairn.Domain.People;
using Cairn.Domain.Search;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.People;

/// <summary>Keeps the typo-tolerant name index in step with a person's current and other names.</summary>
public static class PersonSearchIndex
{
    public static IEnumerable<string> TokensFor(Person person) =>
        NameText.Tokens(person.GivenName).Concat(NameText.Tokens(person.FamilyName))
            .Concat(person.OtherNames.SelectMany(n => NameText.Tokens(n.GivenName).Concat(NameText.Tokens(n.FamilyName))))
            .Distinct(StringComparer.Ordinal);

    public static IEnumerable<PersonSearchKey> KeysFor(Person person) =>
        TokensFor(person).SelectMany(NameText.DeletionKeys).Distinct(StringComparer.Ordinal)
            .Where(k => k.Length > 0)
            .Select(k => new PersonSearchKey { PersonId = person.Id, Key = k.Length > 100 ? k[..100] : k });

    public static async Task RebuildAsync(CairnDbContext db, Person person, CancellationToken cancellationToken)
    {
        await db.PersonSearchKeys.Where(k => k.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        db.PersonSearchKeys.AddRange(KeysFor(person));
    }
}
