using Cairn.Domain.People;
using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Matching;

/// <summary>
/// A child living in a setting now, as matching sees them (L34). <paramref name="Key"/> is opaque (the caller's, to link a
/// conflict back); it and <paramref name="Label"/> appear in the result only when <paramref name="ViewerMayOpen"/>: any other
/// resident is "a current resident", described by the risk or vulnerability words alone.
/// </summary>
public sealed record Resident(string Key, bool ViewerMayOpen, string? Label, IReadOnlyList<RiskToOthers> RisksToOthers,
    IReadOnlyList<Vulnerability> Vulnerabilities);

/// <summary>A setting from the register, with what matching weighs and who lives there now (L33, L34).</summary>
public sealed record CandidateSetting
{
    public required SettingId Id { get; init; }

    public required string Name { get; init; }

    public required SettingType Type { get; init; }

    /// <summary>The youngest age in years the setting is registered for.</summary>
    public required int MinimumAge { get; init; }

    /// <summary>The oldest age in years the setting is registered for (inclusive).</summary>
    public required int MaximumAge { get; init; }

    /// <summary>The sexes it takes; empty means any.</summary>
    public IReadOnlyList<Sex> SexesAccepted { get; init; } = [];

    public RegulatorJudgement Judgement { get; init; } = RegulatorJudgement.NotYetInspected;

    public bool Suspended { get; init; }

    public required int Vacancies { get; init; }

    public IReadOnlyList<PlacementNeed> Specialisms { get; init; } = [];

    /// <summary>The most staff per child it can deliver; a higher ratio covers a lower one.</summary>
    public StaffingRatio MaximumStaffing { get; init; } = StaffingRatio.AsRegistered;

    public bool WakingNightStaff { get; init; }

    public IReadOnlyList<Restriction> RestrictionsSupported { get; init; } = [];

    /// <summary>Where it is, with its local authority district (for in-area, L41).</summary>
    public required PostcodeLocation Location { get; init; }

    public IReadOnlyList<Resident> Residents { get; init; } = [];
}
