using Cairn.Domain.People;

namespace Cairn.Web.Features.Family;

/// <summary>How people stand to each other, in the words professionals use.</summary>
public static class FamilyWords
{
    /// <summary>People listed by name where the viewer may open their record, the rest only counted.</summary>
    public static string Others(IReadOnlyList<string> named, int notNamed, string none)
    {
        var parts = named.ToList();
        if (notNamed > 0)
        {
            parts.Add(notNamed == 1 ? "1 person whose record you cannot open" : $"{notNamed} people whose records you cannot open");
        }

        return parts.Count == 0 ? none : string.Join(", ", parts);
    }

    /// <summary>What the other person is to this one, read from the relationship's direction.</summary>
    public static string Describe(RelationshipType type, bool thisPersonIsFrom) => (type, thisPersonIsFrom) switch
    {
        (RelationshipType.Parent, true) => "Child",
        (RelationshipType.Parent, false) => "Parent",
        (RelationshipType.StepParent, true) => "Step-child",
        (RelationshipType.StepParent, false) => "Step-parent",
        (RelationshipType.PartnerOfParent, true) => "Child of their partner",
        (RelationshipType.PartnerOfParent, false) => "Partner of a parent",
        (RelationshipType.Sibling, _) => "Sibling",
        (RelationshipType.HouseholdMember, _) => "Household member",
        (RelationshipType.SignificantAdult, true) => "Someone they are a significant adult to",
        (RelationshipType.SignificantAdult, false) => "Other significant adult",
        (RelationshipType.PersonPosingRisk, true) => "Someone they pose a risk to",
        (RelationshipType.PersonPosingRisk, false) => "Person posing a risk",
        _ => type.ToString(),
    };

    /// <summary>The choices for "the other person is this person's …", in the order the form lists them.</summary>
    public static IEnumerable<(string Value, string Text)> OtherIs { get; } =
    [
        (nameof(RelationshipType.Parent), "Parent"),
        (nameof(RelationshipType.StepParent), "Step-parent"),
        (nameof(RelationshipType.PartnerOfParent), "Partner of a parent"),
        (nameof(RelationshipType.Sibling), "Sibling"),
        (nameof(RelationshipType.HouseholdMember), "Household member"),
        (nameof(RelationshipType.SignificantAdult), "Other significant adult"),
        (nameof(RelationshipType.PersonPosingRisk), "Person posing a risk to them"),
    ];
}
