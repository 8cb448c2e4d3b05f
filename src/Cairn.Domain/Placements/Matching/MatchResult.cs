namespace Cairn.Domain.Placements.Matching;

/// <summary>What a line of an option's explanation is about, in the order the lines are given.</summary>
public enum MatchCriterion
{
    Need = 1,
    DistanceFromHome = 2,
    DistanceFromSchool = 3,
    InArea = 4,
    Judgement = 5,
    DangerProximity = 6,
    ResidentCompatibility = 7,
}

/// <summary>One line of why an option scored what it did: the criterion, the points it added (or took off) and a sentence.</summary>
public sealed record ExplanationLine
{
    private readonly string? _text;

    public ExplanationLine(MatchCriterion criterion, int points, string text, bool isConcern = false)
    {
        Criterion = criterion;
        Points = points;
        _text = text;
        IsConcern = isConcern;
    }

    /// <summary>A red flag's line: its sentence is the flag's, written when it is read (see <see cref="DangerFlag.Text"/>).</summary>
    public ExplanationLine(DangerFlag flag, int points)
    {
        ArgumentNullException.ThrowIfNull(flag);
        Criterion = MatchCriterion.DangerProximity;
        Points = points;
        Flag = flag;
        IsConcern = true;
    }

    public MatchCriterion Criterion { get; }

    public int Points { get; }

    /// <summary>A red flag or conflict the page should show as a warning.</summary>
    public bool IsConcern { get; }

    /// <summary>The danger this line is about, for a red flag.</summary>
    public DangerFlag? Flag { get; }

    public string Text => _text ?? Flag!.Text;
}

/// <summary>
/// A danger within the danger distance of a setting (L35): what it is and how far, in kilometres and miles.
/// <see cref="Text"/> is written when read, not when ranked: a child with many dangers recorded can have thousands of flags
/// among options nobody opens, each with its own distance, and writing them all took most of a ranking's time.
/// </summary>
public sealed record DangerFlag(string Label, DangerSource Source, RiskKind Risk, double Metres, int DangerMetres)
{
    public double Kilometres => Metres / 1000.0;

    public double Miles => Metres / MatchText.MetresPerMile;

    /// <summary>"Red flag: 4.8 km (3.0 miles) from … (person posing a risk: sexual exploitation), within the 8.0 km (5.0 miles) checked".</summary>
    public string Text
    {
        get
        {
            var what = Source == DangerSource.Person ? "person posing a risk" : "place of concern";
            return $"Red flag: {MatchText.Distance(Metres)} from {Label} ({what}: {MatchText.Lower(PlacementWords.Of(Risk))}), "
                + $"within the {MatchText.Distance(DangerMetres)} checked";
        }
    }
}

/// <summary>Which way round a conflict with a resident goes (L34).</summary>
public enum ConflictDirection
{
    /// <summary>A current resident's risk to others endangers the child being placed.</summary>
    ResidentEndangersChild = 1,
    /// <summary>The child's risk to others endangers a current resident.</summary>
    ChildEndangersResident = 2,
}

/// <summary>
/// A risk of one child against a vulnerability of another (L34). <see cref="ResidentKey"/> and the resident's label in
/// <see cref="Text"/> are given only for a resident the viewer may open; otherwise the resident is "a current resident".
/// </summary>
public sealed record ResidentConflict(ConflictDirection Direction, RiskToOthers Risk, Vulnerability Vulnerability, string? ResidentKey, string Text);

/// <summary>A setting that passed every hard filter, with its score and the reasons for it, line by line.</summary>
public sealed record PlacementOption
{
    public required SettingId SettingId { get; init; }

    public required string Name { get; init; }

    public required SettingType Type { get; init; }

    public required RegulatorJudgement Judgement { get; init; }

    public required int Vacancies { get; init; }

    public required string LocalAuthorityCode { get; init; }

    public required bool InArea { get; init; }

    public required int Score { get; init; }

    /// <summary>Straight-line distance from the child's home; null when the home location is not known.</summary>
    public required double? MetresFromHome { get; init; }

    /// <summary>Straight-line distance from the child's school; null when the school location is not known.</summary>
    public required double? MetresFromSchool { get; init; }

    public required int NeedsMet { get; init; }

    public required IReadOnlyList<ExplanationLine> Lines { get; init; }

    /// <summary>Dangers within the danger distance, nearest first.</summary>
    public required IReadOnlyList<DangerFlag> DangerFlags { get; init; }

    public required IReadOnlyList<ResidentConflict> Conflicts { get; init; }

    public bool HasDangerFlags => DangerFlags.Count > 0;

    /// <summary>A conflict with a current resident: the page should require a manager's override before this option is chosen.</summary>
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>Why a setting was left out; a setting may fail several.</summary>
[Flags]
public enum ExclusionReasons
{
    None = 0,
    NoVacancy = 1 << 0,
    Suspended = 1 << 1,
    JudgedInadequate = 1 << 2,
    TypeNotAskedFor = 1 << 3,
    TypeNotSuitable = 1 << 4,
    AgeRange = 1 << 5,
    SexNotAccepted = 1 << 6,
    Staffing = 1 << 7,
    WakingNightStaff = 1 << 8,
    Restrictions = 1 << 9,
}

/// <summary>How many settings failed one hard filter, and the filter in words for this child ("cannot deliver 2:1 staffing").</summary>
public sealed record ExclusionCount(ExclusionReasons Reason, int Count, string Words);

/// <summary>A setting left out, and every filter it failed.</summary>
public readonly record struct ExcludedSetting(SettingId SettingId, string Name, ExclusionReasons Reasons);

/// <summary>The settings left out by the hard filters, counted per filter (a setting failing two is counted under both).</summary>
public sealed record MatchExclusions(int Total, IReadOnlyList<ExclusionCount> Counts, IReadOnlyList<ExcludedSetting> Settings)
{
    /// <summary>"12 settings excluded: no vacancy (7), age range (3), cannot deliver 2:1 staffing (2)".</summary>
    public string Summary
    {
        get
        {
            if (Total == 0)
            {
                return "No settings excluded";
            }

            var noun = Total == 1 ? "setting" : "settings";
            var parts = string.Join(", ", Counts.Select(c => $"{c.Words} ({c.Count:N0})"));
            var several = Counts.Sum(c => c.Count) > Total ? "; some for more than one reason" : "";
            return $"{Total:N0} {noun} excluded: {parts}{several}";
        }
    }

    /// <summary>The words of each filter a setting failed, in the order of <see cref="Counts"/>.</summary>
    public IReadOnlyList<string> Describe(ExclusionReasons reasons) =>
        [.. Counts.Where(c => (reasons & c.Reason) != 0).Select(c => c.Words)];
}

/// <summary>The options best first, and what was left out and why.</summary>
public sealed record MatchResult(IReadOnlyList<PlacementOption> Options, MatchExclusions Exclusions);
