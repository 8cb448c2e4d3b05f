using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>An area may tune the rules, but not into nonsense: the engine refuses rules that fail validation.</summary>
public class MatchRulesTests
{
    private static readonly Dictionary<string, (MatchRules Rules, string Field)> Nonsense = new()
    {
        ["negative danger distance"] = (MatchRules.Default with { DangerMetres = -1 }, nameof(MatchRules.DangerMetres)),
        ["no danger distance"] = (MatchRules.Default with { DangerMetres = 0 }, nameof(MatchRules.DangerMetres)),
        ["danger distance of a county"] = (MatchRules.Default with { DangerMetres = 250_000 }, nameof(MatchRules.DangerMetres)),
        ["a danger that rewards"] = (MatchRules.Default with { DangerPenalty = -40 }, nameof(MatchRules.DangerPenalty)),
        ["a conflict that rewards"] = (MatchRules.Default with { ConflictPenalty = -1 }, nameof(MatchRules.ConflictPenalty)),
        ["a need met that costs"] = (MatchRules.Default with { NeedMetPoints = -5 }, nameof(MatchRules.NeedMetPoints)),
        ["in area that costs"] = (MatchRules.Default with { InAreaPoints = -5 }, nameof(MatchRules.InAreaPoints)),
        ["requires improvement above good"] = (MatchRules.Default with { RequiresImprovementPoints = 9 }, nameof(MatchRules.GoodPoints)),
        ["good above outstanding"] = (MatchRules.Default with { GoodPoints = 9 }, nameof(MatchRules.GoodPoints)),
        ["bands out of order"] = (MatchRules.Default with { HomeBands = [new(10_000, 10, "near"), new(5_000, 5, "nearer")] },
            nameof(MatchRules.HomeBands)),
        ["further band scores more"] = (MatchRules.Default with { SchoolBands = [new(5_000, 5, "near"), new(10_000, 10, "far")] },
            nameof(MatchRules.SchoolBands)),
        ["negative band distance"] = (MatchRules.Default with { HomeBands = [new(-5_000, 5, "near")] }, nameof(MatchRules.HomeBands)),
        ["band with no words"] = (MatchRules.Default with { HomeBands = [new(5_000, 5, " ")] }, nameof(MatchRules.HomeBands)),
    };

    public static TheoryData<string> NonsenseNames() => [.. Nonsense.Keys];

    [Theory]
    [MemberData(nameof(NonsenseNames))]
    public void Nonsense_is_refused_against_the_field_to_change_and_the_engine_will_not_run_on_it(string name)
    {
        var (rules, field) = Nonsense[name];

        Assert.Contains(rules.Validate(), e => e.Field == field);
        Assert.Throws<ArgumentException>(() => PlacementMatcher.Rank(AChild(), [ASetting()], rules));
    }

    [Fact]
    public void The_defaults_are_valid_and_the_danger_distance_is_about_five_miles()
    {
        Assert.Empty(MatchRules.Default.Validate());
        Assert.Equal(8_000, MatchRules.Default.DangerMetres);
        Assert.Empty((MatchRules.Default with { HomeBands = [], SchoolBands = [] }).Validate());
    }

    [Fact]
    public void A_negative_age_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlacementMatcher.Rank(AChild() with { AgeInYears = -1 }, [ASetting()]));
    }
}
