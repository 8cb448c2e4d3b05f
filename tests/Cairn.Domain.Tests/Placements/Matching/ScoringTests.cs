using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>Needs, distance, area and judgement: each line says why, and the ranking follows the points.</summary>
public class ScoringTests
{
    [Fact]
    public void Needs_met_rank_higher_and_each_need_is_named_met_or_not()
    {
        var child = AChild() with { Needs = [PlacementNeed.Autism, PlacementNeed.SelfHarm] };
        var both = ASetting("Beech House") with { Specialisms = [PlacementNeed.Autism, PlacementNeed.SelfHarm] };
        var one = ASetting("Ash House") with { Specialisms = [PlacementNeed.Autism] };

        var result = Rank(child, one, both);

        Assert.Equal(["Beech House", "Ash House"], result.Options.Select(o => o.Name));
        Assert.Equal(MatchRules.Default.NeedMetPoints, result.Options[0].Score - result.Options[1].Score);
        var lines = result.Options[1].Lines.Where(l => l.Criterion == MatchCriterion.Need).ToList();
        Assert.Equal(["Autism: met, a specialism of this setting", "Self-harm: not met, not a specialism of this setting"],
            lines.Select(l => l.Text));
        Assert.Equal([10, 0], lines.Select(l => l.Points));
        Assert.Equal(1, result.Options[1].NeedsMet);
    }

    [Fact]
    public void In_area_is_preferred_to_out_of_area_at_the_same_distance()
    {
        var outside = ASetting("Ash House") with { Location = At(0, 3_000, Leeds) };
        var inside = ASetting("Yew House") with { Location = At(0, -3_000) };

        var result = Rank(AChild(), outside, inside);

        Assert.Equal(["Yew House", "Ash House"], result.Options.Select(o => o.Name));
        Assert.True(result.Options[0].InArea);
        Assert.Contains(result.Options[0].Lines, l => l.Criterion == MatchCriterion.InArea && l.Points == 10
            && l.Text.StartsWith($"In the placing area ({York})", StringComparison.Ordinal));
        Assert.Contains(result.Options[1].Lines, l => l.Criterion == MatchCriterion.InArea && l.Points == 0
            && l.Text.StartsWith($"Out of area ({Leeds})", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3_000, 15, "3.0 km (1.9 miles) from home: close to home")]
    [InlineData(5_000, 15, "5.0 km (3.1 miles) from home: close to home")]
    [InlineData(12_000, 10, "12.0 km (7.5 miles) from home: within reach of home")]
    [InlineData(39_000, 4, "39.0 km (24.2 miles) from home: some distance from home")]
    [InlineData(52_000, 0, "52.0 km (32.3 miles) from home: more than 40.0 km (24.9 miles), far from home")]
    public void Distance_from_home_is_scored_by_band_in_kilometres_and_miles(int metres, int points, string text)
    {
        var option = Assert.Single(Rank(AChild(), ASetting() with { Location = At(metres, 0) }).Options);

        var line = Assert.Single(option.Lines, l => l.Criterion == MatchCriterion.DistanceFromHome);
        Assert.Equal((points, text), (line.Points, line.Text));
        Assert.Equal(metres, option.MetresFromHome);
    }

    [Fact]
    public void Distance_from_school_is_scored_and_a_missing_home_or_school_is_said_not_scored()
    {
        var child = AChild() with { Home = null, School = At(10_000, 0) };

        var option = Assert.Single(Rank(child, ASetting() with { Location = At(10_000, 4_000) }).Options);

        var home = Assert.Single(option.Lines, l => l.Criterion == MatchCriterion.DistanceFromHome);
        Assert.Equal((0, "The child's home location is not known, so distance from home is not scored"), (home.Points, home.Text));
        var school = Assert.Single(option.Lines, l => l.Criterion == MatchCriterion.DistanceFromSchool);
        Assert.Equal((10, "4.0 km (2.5 miles) from school: close to school"), (school.Points, school.Text));
        Assert.Null(option.MetresFromHome);
    }

    [Fact]
    public void Outstanding_and_good_rank_above_not_yet_inspected_and_requires_improvement()
    {
        var settings = new[]
        {
            ASetting("A") with { Judgement = RegulatorJudgement.RequiresImprovement },
            ASetting("B") with { Judgement = RegulatorJudgement.NotYetInspected },
            ASetting("C") with { Judgement = RegulatorJudgement.Good },
            ASetting("D") with { Judgement = RegulatorJudgement.Outstanding },
        };

        var result = Rank(AChild(), settings);

        Assert.Equal(["D", "C", "B", "A"], result.Options.Select(o => o.Name));
        Assert.Contains(result.Options[0].Lines, l => l.Text == "Last judged outstanding by the regulator");
    }

    [Fact]
    public void The_score_is_the_sum_of_the_lines()
    {
        var child = AChild() with { Needs = [PlacementNeed.Autism], School = At(1_000, 1_000), Dangers = [APerson(At(0, 6_000))] };
        var setting = ASetting() with
        {
            Specialisms = [PlacementNeed.Autism],
            Residents = [AResident("r1", false, null, [RiskToOthers.Bullying]), AResident("r2", false, null)],
        };

        var option = Assert.Single(Rank(child with { Vulnerabilities = [Vulnerability.Bullying] }, setting).Options);

        Assert.Equal(option.Lines.Sum(l => l.Points), option.Score);
        Assert.Equal(10 + 15 + 10 + 10 + 6 - 40 - 30, option.Score);
    }

    [Fact]
    public void Ties_are_broken_by_distance_from_home_then_name_whatever_order_the_settings_come_in()
    {
        var far = ASetting("Able House") with { Location = At(4_000, 0) };
        var nearB = ASetting("Birch House") with { Location = At(0, 2_000) };
        var nearA = ASetting("Alder House") with { Location = At(0, -2_000) };
        CandidateSetting[] settings = [far, nearB, nearA];

        foreach (var order in new[] { settings, settings.Reverse().ToArray(), [nearB, far, nearA] })
        {
            var result = PlacementMatcher.Rank(AChild(), order);

            Assert.Equal(["Alder House", "Birch House", "Able House"], result.Options.Select(o => o.Name));
            Assert.All(result.Options, o => Assert.Equal(result.Options[0].Score, o.Score));
        }
    }

    [Fact]
    public void Settings_with_no_home_location_known_tie_by_name()
    {
        var result = Rank(AChild() with { Home = null }, ASetting("Rowan"), ASetting("Elm"), ASetting("Larch"));

        Assert.Equal(["Elm", "Larch", "Rowan"], result.Options.Select(o => o.Name));
    }
}
