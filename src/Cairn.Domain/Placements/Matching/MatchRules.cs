namespace Cairn.Domain.Placements.Matching;

/// <summary>
/// Up to <paramref name="UpToMetres"/> (inclusive) from home or school, a setting earns <paramref name="Points"/>;
/// <paramref name="Words"/> say what that distance means to a social worker ("close to home").
/// </summary>
public sealed record DistanceBand(int UpToMetres, int Points, string Words);

/// <summary>
/// What an area may tune: the danger distance, the distance bands and the weights. <see cref="Default"/> is a sensible start;
/// <see cref="Validate"/> refuses nonsense (a negative distance, bands out of order, a further band scoring more, a penalty
/// that rewards), and <see cref="PlacementMatcher.Rank"/> will not run on rules it refuses.
/// </summary>
public sealed record MatchRules
{
    /// <summary>The most a danger distance may be: 100 km would flag half a county and tell a social worker nothing.</summary>
    public const int MaximumDangerMetres = 100_000;

    public static MatchRules Default { get; } = new();

    /// <summary>
    /// A danger this close or closer (straight line) is a red flag. 8,000 m is about 5 miles: Child F was placed about 3 miles
    /// from a man posing a risk of sexual exploitation (L35).
    /// </summary>
    public int DangerMetres { get; init; } = 8_000;

    /// <summary>Taken off for each danger within <see cref="DangerMetres"/>: more than the home, school and area points together,
    /// so a setting near a danger ranks below an otherwise equal one further away, however close it is to home.</summary>
    public int DangerPenalty { get; init; } = 40;

    /// <summary>Taken off for each conflict with a current resident, in either direction (L34).</summary>
    public int ConflictPenalty { get; init; } = 30;

    /// <summary>For each of the child's needs that is one of the setting's specialisms.</summary>
    public int NeedMetPoints { get; init; } = 10;

    /// <summary>For a setting in the placing area (L41).</summary>
    public int InAreaPoints { get; init; } = 10;

    public int OutstandingPoints { get; init; } = 8;

    public int GoodPoints { get; init; } = 6;

    public int NotYetInspectedPoints { get; init; } = 2;

    public int RequiresImprovementPoints { get; init; }

    /// <summary>Distance from home, nearest band first; beyond the last band scores nothing.</summary>
    public IReadOnlyList<DistanceBand> HomeBands { get; init; } =
    [
        new(5_000, 15, "close to home"),
        new(16_000, 10, "within reach of home"),
        new(40_000, 4, "some distance from home"),
    ];

    /// <summary>Distance from the child's school, nearest band first; beyond the last band scores nothing.</summary>
    public IReadOnlyList<DistanceBand> SchoolBands { get; init; } =
    [
        new(5_000, 10, "close to school"),
        new(16_000, 6, "the child could stay at their school"),
        new(30_000, 2, "a long journey to school"),
    ];

    /// <summary>Everything wrong with these rules, each against the property to change; empty when they can be used.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (DangerMetres <= 0 || DangerMetres > MaximumDangerMetres)
        {
            errors.Add(new(nameof(DangerMetres), $"The danger distance must be more than 0 and at most {MaximumDangerMetres:N0} metres"));
        }

        NotNegative(nameof(DangerPenalty), DangerPenalty, "is taken off for each danger nearby");
        NotNegative(nameof(ConflictPenalty), ConflictPenalty, "is taken off for each conflict with a resident");
        NotNegative(nameof(NeedMetPoints), NeedMetPoints, "is given for each need met");
        NotNegative(nameof(InAreaPoints), InAreaPoints, "is given for a setting in area");
        NotNegative(nameof(OutstandingPoints), OutstandingPoints, "is given for an outstanding judgement");
        NotNegative(nameof(GoodPoints), GoodPoints, "is given for a good judgement");
        NotNegative(nameof(NotYetInspectedPoints), NotYetInspectedPoints, "is given for a setting not yet inspected");
        NotNegative(nameof(RequiresImprovementPoints), RequiresImprovementPoints, "is given for a setting that requires improvement");
        if (OutstandingPoints < GoodPoints || GoodPoints < NotYetInspectedPoints || GoodPoints < RequiresImprovementPoints)
        {
            errors.Add(new(nameof(GoodPoints),
                "Judgement points must not rise as the judgement falls: outstanding, then good, then requires improvement or not yet inspected"));
        }

        Bands(nameof(HomeBands), HomeBands);
        Bands(nameof(SchoolBands), SchoolBands);
        return errors;

        void NotNegative(string field, int value, string what)
        {
            if (value < 0)
            {
                errors.Add(new(field, $"{field} {what}: it must be 0 or more"));
            }
        }

        void Bands(string field, IReadOnlyList<DistanceBand>? bands)
        {
            if (bands is null)
            {
                errors.Add(new(field, $"{field} must be a list (it may be empty)"));
                return;
            }

            for (var i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                if (band.UpToMetres <= 0 || band.Points < 0 || string.IsNullOrWhiteSpace(band.Words))
                {
                    errors.Add(new(field, $"{field}: each band needs a distance more than 0, points of 0 or more and words"));
                }
                else if (i > 0 && (band.UpToMetres <= bands[i - 1].UpToMetres || band.Points > bands[i - 1].Points))
                {
                    errors.Add(new(field, $"{field}: bands must go from nearest to furthest, and a further band must not score more"));
                }
            }
        }
    }
}
