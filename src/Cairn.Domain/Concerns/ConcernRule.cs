namespace Cairn.Domain.Concerns;

/// <summary>The "concerns that add up" rules: patterns no single record shows, looked for across every agency.</summary>
public enum ConcernRule
{
    /// <summary>Low-level concerns from several agencies that together reach the step-up threshold (L04).</summary>
    CumulativeConcern = 1,
    /// <summary>A child under 2 in a household with neglect, domestic abuse or parental alcohol or substance misuse (L05).</summary>
    UnderTwoInRiskHousehold = 2,
    /// <summary>A child with complex needs or electively home educated whom no professional has seen for too long (L09, L50).</summary>
    OffTheRadar = 3,
    /// <summary>Contact after contact about the same child closed with no further action.</summary>
    RepeatedNoFurtherAction = 4,
    /// <summary>A baby with no face-to-face health visit by a set age (L31).</summary>
    NoFaceToFaceHealthVisit = 5,
}

public static class ConcernRuleExtensions
{
    /// <summary>
    /// The rule is about something missing (a visit, any contact). Its evidence can stay the same while the
    /// absence goes on, so an answered prompt is raised again after a while even without new evidence.
    /// </summary>
    public static bool IsAboutAbsence(this ConcernRule rule) =>
        rule is ConcernRule.OffTheRadar or ConcernRule.NoFaceToFaceHealthVisit;
}

/// <summary>
/// A rule that fired for a child, with the evidence. <paramref name="Summary"/> is shown to professionals: it holds
/// counts, days, dates and theme names only, never a name or a narrative.
/// </summary>
public sealed record RuleFinding(
    ConcernRule Rule,
    PersonId Child,
    string Summary,
    IReadOnlyList<ChronologyEntryId> Entries,
    IReadOnlyList<ContactId> Contacts);
