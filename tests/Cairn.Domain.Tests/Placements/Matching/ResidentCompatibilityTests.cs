using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>
/// L34: each current resident is checked against the newcomer both ways round, and a resident the viewer may not open is never
/// identified.
/// </summary>
public class ResidentCompatibilityTests
{
    [Theory]
    [InlineData(RiskToOthers.HarmfulSexualBehaviour, Vulnerability.SexualHarm, true)]
    [InlineData(RiskToOthers.HarmfulSexualBehaviour, Vulnerability.SexualExploitation, true)]
    [InlineData(RiskToOthers.ExploitingOthers, Vulnerability.CriminalExploitation, true)]
    [InlineData(RiskToOthers.Violence, Vulnerability.Bullying, true)]
    [InlineData(RiskToOthers.HarmfulSexualBehaviour, Vulnerability.Violence, false)]
    [InlineData(RiskToOthers.FireSetting, Vulnerability.SexualHarm, false)]
    public void A_residents_risk_to_others_against_the_childs_vulnerability(RiskToOthers risk, Vulnerability vulnerable, bool conflict)
    {
        var child = AChild() with { Vulnerabilities = [vulnerable] };
        var setting = ASetting() with { Residents = [AResident("r1", false, null, risks: [risk])] };

        var option = Assert.Single(Rank(child, setting).Options);

        Assert.Equal(conflict, option.HasConflicts);
        if (conflict)
        {
            var found = Assert.Single(option.Conflicts);
            Assert.Equal((ConflictDirection.ResidentEndangersChild, risk, vulnerable), (found.Direction, found.Risk, found.Vulnerability));
            Assert.Equal($"Conflict: A current resident has a recorded risk of {PlacementWords.Of(risk)}, "
                + $"and this child is {PlacementWords.Of(vulnerable)}",
                found.Text);
            Assert.Contains(option.Lines, l => l.Criterion == MatchCriterion.ResidentCompatibility && l.Points == -30 && l.IsConcern);
        }
    }

    [Theory]
    [InlineData(RiskToOthers.HarmfulSexualBehaviour, Vulnerability.SexualHarm, true)]
    [InlineData(RiskToOthers.SupplyingSubstances, Vulnerability.SubstanceMisuse, true)]
    [InlineData(RiskToOthers.Bullying, Vulnerability.Violence, false)]
    public void The_childs_risk_to_others_against_a_residents_vulnerability(RiskToOthers risk, Vulnerability vulnerable, bool conflict)
    {
        var child = AChild() with { RisksToOthers = [risk] };
        var setting = ASetting() with { Residents = [AResident("r1", false, null, vulnerable: [vulnerable])] };

        var option = Assert.Single(Rank(child, setting).Options);

        Assert.Equal(conflict, option.HasConflicts);
        if (conflict)
        {
            var found = Assert.Single(option.Conflicts);
            Assert.Equal(ConflictDirection.ChildEndangersResident, found.Direction);
            Assert.Equal($"Conflict: this child has a recorded risk of {PlacementWords.Of(risk)}, "
                + $"and a current resident is {PlacementWords.Of(vulnerable)}",
                found.Text);
        }
    }

    [Fact]
    public void A_newcomer_vulnerable_to_sexual_harm_ranks_a_home_with_a_resident_who_has_shown_harmful_sexual_behaviour_below_one_without()
    {
        var child = AChild() with { Vulnerabilities = [Vulnerability.SexualHarm] };
        var withRisk = ASetting("Alder House") with { Residents = [AResident("r1", false, null, risks: [RiskToOthers.HarmfulSexualBehaviour])] };
        var without = ASetting("Willow House") with { Location = At(0, -3_000), Residents = [AResident("r2", false, null)] };

        var result = Rank(child, withRisk, without);

        Assert.Equal(["Willow House", "Alder House"], result.Options.Select(o => o.Name));
        Assert.False(result.Options[0].HasConflicts);
        Assert.Contains(result.Options[0].Lines, l => l.Text == "1 current resident checked both ways: no recorded risk to or from this child");
    }

    [Fact]
    public void A_resident_the_viewer_may_not_open_never_appears_in_any_text_of_the_result()
    {
        const string key = "resident-7f3a9c";
        const string label = "Jordan Blackwood, 15";
        var child = AChild() with
        {
            Vulnerabilities = [Vulnerability.SexualHarm, Vulnerability.Bullying],
            RisksToOthers = [RiskToOthers.Violence],
            Dangers = [APerson(At(0, 4_000))],
        };
        // The caller should not pass a label for a resident the viewer may not open; if it does, the engine still must not print it.
        var hidden = AResident(key, false, label, [RiskToOthers.HarmfulSexualBehaviour, RiskToOthers.Bullying], [Vulnerability.Violence]);
        var settings = new[]
        {
            ASetting() with { Residents = [hidden] },
            ASetting("Full House") with { Vacancies = 0, Residents = [hidden] },
        };

        var result = PlacementMatcher.Rank(child, settings);

        var option = result.Options[0];
        Assert.Equal(3, option.Conflicts.Count);
        Assert.All(option.Conflicts, c => Assert.Null(c.ResidentKey));
        var strings = EveryString(result);
        Assert.NotEmpty(strings);
        Assert.DoesNotContain(strings, s => s.Contains(key, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, s => s.Contains("Jordan", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, s => s.Contains("Blackwood", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(strings, s => s.Contains("15", StringComparison.Ordinal));
        Assert.All(option.Conflicts, c => Assert.Contains("a current resident", c.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_resident_the_viewer_may_open_is_named_by_the_label_given_and_keyed()
    {
        var child = AChild() with { Vulnerabilities = [Vulnerability.SexualHarm] };
        var setting = ASetting() with { Residents = [AResident("resident-1", true, "Sam (14)", risks: [RiskToOthers.HarmfulSexualBehaviour])] };

        var conflict = Assert.Single(Assert.Single(Rank(child, setting).Options).Conflicts);

        Assert.Equal("resident-1", conflict.ResidentKey);
        Assert.Equal("Conflict: Sam (14) has a recorded risk of harmful sexual behaviour, and this child is vulnerable to sexual harm",
            conflict.Text);
    }

    [Fact]
    public void Every_conflict_with_every_resident_is_listed_and_costs_points()
    {
        var child = AChild() with { Vulnerabilities = [Vulnerability.SexualHarm], RisksToOthers = [RiskToOthers.Bullying] };
        var setting = ASetting() with
        {
            Residents =
            [
                AResident("a", false, null, risks: [RiskToOthers.HarmfulSexualBehaviour]),
                AResident("b", false, null, vulnerable: [Vulnerability.Bullying]),
                AResident("c", false, null, risks: [RiskToOthers.FireSetting], vulnerable: [Vulnerability.SubstanceMisuse]),
            ],
        };

        var option = Assert.Single(Rank(child, setting).Options);

        Assert.Equal([ConflictDirection.ResidentEndangersChild, ConflictDirection.ChildEndangersResident], option.Conflicts.Select(c => c.Direction));
        Assert.Equal(-60, option.Lines.Where(l => l.Criterion == MatchCriterion.ResidentCompatibility).Sum(l => l.Points));
    }
}
