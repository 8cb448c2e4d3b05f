using Cairn.Domain.Casework;

namespace Cairn.Domain.Placements;

/// <summary>
/// The placement planning meeting is where the risk and matching assessments made in a rush are brought up to date (L36): it cannot
/// be recorded as held until both have been authorised since the child was placed.
/// </summary>
public static class PlacementPlanning
{
    /// <summary>The assessments the meeting needs, updated since the placement started.</summary>
    public static IReadOnlyList<AssessmentType> Needs { get; } = [AssessmentType.Risk, AssessmentType.Matching];

    /// <summary>The kinds of assessment not yet authorised on or after the placement's start, given the child's authorised ones.</summary>
    public static IReadOnlyList<AssessmentType> Missing(DateOnly placedOn, IEnumerable<(AssessmentType Type, DateOnly? CompletedOn)> assessments)
    {
        var updated = assessments.Where(a => a.CompletedOn is { } on && on >= placedOn).Select(a => a.Type).ToHashSet();
        return Needs.Where(t => !updated.Contains(t)).ToList();
    }

    /// <summary>The refusal when the meeting is recorded before both assessments are updated; null when they are.</summary>
    public static Refusal? CheckHeld(DateOnly placedOn, IEnumerable<(AssessmentType Type, DateOnly? CompletedOn)> assessments)
    {
        var missing = Missing(placedOn, assessments);
        if (missing.Count == 0)
        {
            return null;
        }

        var names = string.Join(" and ", missing.Select(t => AssessmentTypes.Of(t).Name.ToLowerInvariant()));
        return Refusal.Of("HeldOn", $"The placement planning meeting updates the {names}: authorise {(missing.Count == 1 ? "it" : "them")} "
                                    + $"since the child was placed on {placedOn:d MMMM yyyy}, then record the meeting");
    }
}
