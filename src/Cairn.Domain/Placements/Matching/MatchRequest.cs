using Cairn.Domain.People;
using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Matching;

/// <summary>Whether a danger is a person or a place: said in the danger's explanation line.</summary>
public enum DangerSource
{
    Person = 1,
    Place = 2,
}

/// <summary>
/// A person or place posing a risk to the child, where it is, and what it risks (L35). <paramref name="Label"/> is what the
/// viewer may see ("a person posing a risk (relationship recorded on the child's record)" or a place's name): the engine
/// prints it as given. An area-wide place of concern (<paramref name="AreaWide"/>, not recorded against this child) counts only
/// when its kind of risk endangers one of the child's vulnerabilities (<see cref="Compatibility.PlaceMatters"/>); one recorded
/// against the child always counts.
/// </summary>
public sealed record Danger(string Label, DangerSource Source, PostcodeLocation Location, RiskKind Risk, bool AreaWide = false);

/// <summary>
/// The child a placement is sought for, in the terms the register uses (L33). Collections are lists so the engine can walk them
/// without allocating; duplicates are harmless.
/// </summary>
public sealed record MatchRequest
{
    public required int AgeInYears { get; init; }

    public required Sex Sex { get; init; }

    /// <summary>The kinds of setting the social worker will consider; empty means every kind suitable for the child's age.</summary>
    public IReadOnlyList<SettingType> AcceptableTypes { get; init; } = [];

    public IReadOnlyList<PlacementNeed> Needs { get; init; } = [];

    public StaffingRatio Staffing { get; init; } = StaffingRatio.AsRegistered;

    public bool NeedsWakingNightStaff { get; init; }

    /// <summary>Restrictions of liberty the placement must put in place; <see cref="Restriction.SecureAccommodation"/> means a secure home.</summary>
    public IReadOnlyList<Restriction> Restrictions { get; init; } = [];

    public PostcodeLocation? Home { get; init; }

    public PostcodeLocation? School { get; init; }

    public IReadOnlyList<RiskToOthers> RisksToOthers { get; init; } = [];

    public IReadOnlyList<Vulnerability> Vulnerabilities { get; init; } = [];

    /// <summary>People and places posing a risk to this child (L35).</summary>
    public IReadOnlyList<Danger> Dangers { get; init; } = [];

    /// <summary>The placing authority's local authority district codes: a setting in one of them is in area (L41).</summary>
    public IReadOnlyList<string> PlacingAreaCodes { get; init; } = [];
}
