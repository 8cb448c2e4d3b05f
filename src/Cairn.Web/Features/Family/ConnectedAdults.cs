using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family;

/// <summary>One current relationship between a child and an adult, as recorded: "From is the Type of To".</summary>
/// <param name="AdultIsFrom">The relationship reads "the adult is the child's …" (how a parent is recorded from the child's record).</param>
public sealed record AdultRelationship(RelationshipType Type, bool AdultIsFrom)
{
    /// <summary>What the adult is to the child, in the words the family pages use.</summary>
    public string Words => FamilyWords.Describe(Type, thisPersonIsFrom: !AdultIsFrom);
}

/// <summary>How one adult stands to one child today: the current relationships between them, and whether they live together.</summary>
public sealed record AdultConnection(PersonId ChildId, PersonId AdultId, IReadOnlyList<AdultRelationship> Relationships, bool LivesWithChild)
{
    private static readonly RelationshipType[] Caring =
        [RelationshipType.Parent, RelationshipType.StepParent, RelationshipType.PartnerOfParent];

    /// <summary>The adult is recorded as posing a risk to the child (L35).</summary>
    public bool PosesRisk => Relationships.Any(r => r.Type == RelationshipType.PersonPosingRisk && r.AdultIsFrom);

    /// <summary>
    /// Parents, step-parents, partners of a parent and the adults the child lives with (or is recorded as living with): those
    /// caring for the child day to day.
    /// </summary>
    public bool IsCarer => LivesWithChild || Relationships.Any(r => r.Type == RelationshipType.HouseholdMember
                                                                   || (r.AdultIsFrom && Caring.Contains(r.Type)));

    /// <summary>What the adult is to the child, in words: "Parent, lives with them".</summary>
    public string Words
    {
        get
        {
            var words = Relationships.Select(r => r.Words).Distinct(StringComparer.Ordinal).ToList();
            if (LivesWithChild && Relationships.All(r => r.Type != RelationshipType.HouseholdMember))
            {
                words.Add("lives with them");
            }

            var text = string.Join(", ", words);
            return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
        }
    }
}

/// <summary>
/// A person's first language and whether they need an interpreter, as the child's page and triage show it beside the
/// child (<see cref="Person.FirstLanguage"/>, <see cref="Person.InterpreterNeeded"/>).
/// </summary>
/// <param name="Name">Null when the viewer may not open the person's record: the need is shown, not who has it.</param>
/// <param name="Relationship">What the person is to the child or children, in words ("The child", "Parent, lives with them").</param>
public sealed record LanguageNeed(PersonId PersonId, string? Name, PersonKind Kind, string Relationship, string? FirstLanguage,
    bool InterpreterNeeded);

/// <summary>
/// The adults connected to children today (L03, L05): parents, step-parents, partners of a parent, household members,
/// significant adults and people recorded as posing a risk, through a current relationship in either direction, and
/// every adult living in a current household with the child. Read for many children in a fixed handful of queries
/// (the ids go as one collection parameter), whatever the household's size. No access check and no audit: callers
/// decide whose records the viewer may open and audit what they show.
/// </summary>
public sealed class ConnectedAdultsHandler(CairnDbContext db, ChildFactsLoader households)
{
    /// <summary>
    /// Whether a person's language is worth showing beside the child: they need an interpreter, or their first language is
    /// recorded and is not English.
    /// </summary>
    public static bool IsLanguageNeed(string? firstLanguage, bool interpreterNeeded) =>
        interpreterNeeded || (!string.IsNullOrWhiteSpace(firstLanguage)
                              && !string.Equals(firstLanguage.Trim(), "English", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Each adult connected to each of <paramref name="children"/> today, one row per child and adult.
    /// <paramref name="householdsOf"/> is the children's current households as <see cref="ChildFactsLoader.CurrentHouseholdsAsync"/>
    /// reads them, when the caller has them already; otherwise they are read here.
    /// </summary>
    public async Task<IReadOnlyList<AdultConnection>> OfChildrenAsync(IReadOnlyList<PersonId> children, DateOnly today,
        IReadOnlyDictionary<PersonId, List<PersonId>>? householdsOf, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var ids = children.Distinct().ToList();
        householdsOf ??= await households.CurrentHouseholdsAsync(ids, today, cancellationToken);
        var relationships = await db.Relationships.AsNoTracking()
            .Where(r => EF.Parameter(ids).Contains(r.ToPersonId) || EF.Parameter(ids).Contains(r.FromPersonId))
            .Where(r => (r.StartedOn == null || r.StartedOn <= today) && (r.EndedOn == null || r.EndedOn >= today))
            .Select(r => new { r.FromPersonId, r.ToPersonId, r.Type })
            .ToListAsync(cancellationToken);
        var others = relationships.SelectMany(r => new[] { r.FromPersonId, r.ToPersonId })
            .Concat(ids.SelectMany(c => householdsOf.GetValueOrDefault(c) ?? []))
            .Distinct().ToList();
        var adults = (await db.People.AsNoTracking()
                .Where(p => EF.Parameter(others).Contains(p.Id) && p.Kind == PersonKind.Adult)
                .Select(p => p.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        var connections = new List<AdultConnection>();
        foreach (var child in ids)
        {
            var livesWith = (householdsOf.GetValueOrDefault(child) ?? []).Where(adults.Contains).ToHashSet();
            var related = relationships
                .Where(r => (r.ToPersonId == child && adults.Contains(r.FromPersonId)) || (r.FromPersonId == child && adults.Contains(r.ToPersonId)))
                .GroupBy(r => r.ToPersonId == child ? r.FromPersonId : r.ToPersonId)
                .ToDictionary(g => g.Key, g => g.Select(r => new AdultRelationship(r.Type, r.ToPersonId == child)).Distinct()
                    .OrderBy(r => r.Type).ToList());
            foreach (var adult in related.Keys.Union(livesWith))
            {
                connections.Add(new AdultConnection(child, adult, related.GetValueOrDefault(adult) ?? [], livesWith.Contains(adult)));
            }
        }

        return connections;
    }
}
