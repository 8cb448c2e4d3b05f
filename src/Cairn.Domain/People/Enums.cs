namespace Cairn.Domain.People;

public enum PersonKind
{
    Child = 1,
    Adult = 2,
}

/// <summary>Sex as the DfE returns record it (CIN census 2024/25 onwards: M, F, U).</summary>
public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

public enum NameKind
{
    Previous = 1,
    Alias = 2,
    Birth = 3,
}

/// <summary>How the first person in a relationship stands to the second: "A is the parent of B".</summary>
public enum RelationshipType
{
    Parent = 1,
    StepParent = 2,
    PartnerOfParent = 3,
    Sibling = 4,
    HouseholdMember = 5,
    SignificantAdult = 6,
    /// <summary>A poses a risk to B. Recorded so the risk is seen wherever B's record is opened (L35).</summary>
    PersonPosingRisk = 7,
}
