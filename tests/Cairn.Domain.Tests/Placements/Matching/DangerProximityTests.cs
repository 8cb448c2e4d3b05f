using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>L35: a setting within the danger distance of a person or place posing a risk is flagged, with how far, and ranks lower.</summary>
public class DangerProximityTests
{
    [Fact]
    public void A_setting_near_a_danger_is_flagged_with_the_distance_and_ranked_below_an_otherwise_equal_distant_one()
    {
        // Child F was placed about 3 miles from a man posing a risk of sexual exploitation.
        var child = AChild() with { Dangers = [APerson(At(0, 3_000 + 4_828))] };
        var near = ASetting("Alder House") with { Location = At(0, 3_000) };
        var distant = ASetting("Willow House") with { Location = At(0, -3_000) };

        var result = Rank(child, near, distant);

        Assert.Equal(["Willow House", "Alder House"], result.Options.Select(o => o.Name));
        var flagged = result.Options[1];
        var flag = Assert.Single(flagged.DangerFlags);
        Assert.True(flagged.HasDangerFlags);
        Assert.Equal(4_828, flag.Metres);
        Assert.Equal(RiskKind.SexualExploitation, flag.Risk);
        Assert.Equal("Red flag: 4.8 km (3.0 miles) from a person posing a risk (relationship recorded on the child's record) "
            + "(person posing a risk: sexual exploitation), within the 8.0 km (5.0 miles) checked", flag.Text);
        var line = Assert.Single(flagged.Lines, l => l.Criterion == MatchCriterion.DangerProximity);
        Assert.Equal((-40, flag.Text, true), (line.Points, line.Text, line.IsConcern));
        var neutral = Assert.Single(result.Options[0].Lines, l => l.Criterion == MatchCriterion.DangerProximity);
        Assert.Equal((0, "Nearest recorded danger 10.8 km (6.7 miles) away, beyond the 8.0 km (5.0 miles) checked"), (neutral.Points, neutral.Text));
        Assert.False(result.Options[0].HasDangerFlags);
    }

    [Fact]
    public void A_danger_outweighs_being_closer_to_home_and_in_area()
    {
        var carPark = new Danger("Station Road car park", DangerSource.Place, At(500, 500), RiskKind.CriminalExploitation);
        var child = AChild() with { Dangers = [carPark] };
        var closeButNearDanger = ASetting("Alder House") with { Location = At(0, 1_000) };
        var farOutOfArea = ASetting("Willow House") with { Location = At(0, -60_000, Leeds) };

        var result = Rank(child, closeButNearDanger, farOutOfArea);

        Assert.Equal(["Willow House", "Alder House"], result.Options.Select(o => o.Name));
        Assert.StartsWith("Red flag: 0.7 km (0.4 miles) from Station Road car park (place of concern: criminal exploitation)",
            result.Options[1].DangerFlags[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7_999, true)]
    [InlineData(8_000, true)]
    [InlineData(8_001, false)]
    public void A_danger_exactly_at_the_danger_distance_is_flagged_and_one_metre_beyond_is_not(int metres, bool flagged)
    {
        var setting = ASetting();
        var child = AChild() with { Dangers = [APerson(setting.Location with { Northing = setting.Location.Northing + metres })] };

        var option = Assert.Single(Rank(child, setting).Options);

        Assert.Equal(flagged, option.HasDangerFlags);
    }

    [Fact]
    public void The_boundary_holds_on_a_diagonal_too()
    {
        var setting = ASetting();
        var diagonal = setting.Location with { Easting = setting.Location.Easting + 4_800, Northing = setting.Location.Northing + 6_400 };

        var option = Assert.Single(Rank(AChild() with { Dangers = [APerson(diagonal)] }, setting).Options);

        Assert.Equal(8_000, Assert.Single(option.DangerFlags).Metres);
    }

    [Fact]
    public void The_area_may_set_its_own_danger_distance()
    {
        var setting = ASetting();
        var child = AChild() with { Dangers = [APerson(setting.Location with { Northing = setting.Location.Northing + 12_000 })] };

        var option = Assert.Single(PlacementMatcher.Rank(child, [setting], MatchRules.Default with { DangerMetres = 16_000 }).Options);

        Assert.Contains("within the 16.0 km (9.9 miles) checked", Assert.Single(option.DangerFlags).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_danger_nearby_is_flagged_nearest_first_and_each_costs_points()
    {
        var setting = ASetting();
        var child = AChild() with
        {
            Dangers = [APerson(setting.Location with { Easting = setting.Location.Easting + 6_000 }),
                APerson(setting.Location with { Easting = setting.Location.Easting + 2_000 }, RiskKind.Violence)],
        };

        var option = Assert.Single(Rank(child, setting).Options);

        Assert.Equal([2_000, 6_000], option.DangerFlags.Select(f => f.Metres));
        Assert.Equal(-80, option.Lines.Where(l => l.Criterion == MatchCriterion.DangerProximity).Sum(l => l.Points));
    }

    [Theory]
    [InlineData(RiskKind.CriminalExploitation, Vulnerability.CriminalExploitation, true)]
    [InlineData(RiskKind.CriminalExploitation, Vulnerability.SexualExploitation, false)]
    [InlineData(RiskKind.Radicalisation, Vulnerability.SexualHarm, false)]
    public void An_area_wide_place_counts_only_when_it_endangers_one_of_the_childs_vulnerabilities(RiskKind risk, Vulnerability vulnerable,
        bool flagged)
    {
        var setting = ASetting();
        var place = new Danger("Bus station", DangerSource.Place, setting.Location, risk, AreaWide: true);

        var option = Assert.Single(Rank(AChild() with { Vulnerabilities = [vulnerable], Dangers = [place] }, setting).Options);

        Assert.Equal(flagged, option.HasDangerFlags);
    }

    [Fact]
    public void With_no_dangers_recorded_the_line_says_so()
    {
        var option = Assert.Single(Rank(AChild(), ASetting()).Options);

        var line = Assert.Single(option.Lines, l => l.Criterion == MatchCriterion.DangerProximity);
        Assert.Equal("No people or places posing a risk to this child are recorded", line.Text);
    }
}
