namespace Cairn.Domain;

/// <summary>Identifies a person (child or adult). A child's id must not be mixable with a professional's.</summary>
public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
