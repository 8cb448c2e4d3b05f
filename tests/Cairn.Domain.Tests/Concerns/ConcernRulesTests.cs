using System.Text.RegularExpressions;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public partial class ConcernRulesTests
{
    // A month-old baby with complex needs, never seen face to face, in a household with domestic abuse, after three
    // contacts closed with no further action: every rule fires.
    private static AChild EverythingAtOnce() => AChild.AgedDays(30).WithComplexNeeds()
        .With(
            An.Entry(When.DaysAgo(5), ConcernTheme.DomesticAbuse, Significance.Significant, From.Police, AgencyKind.Police, aboutThisChild: false),
            An.Entry(When.DaysAgo(4), ConcernTheme.Neglect | ConcernTheme.HomeConditions, agency: From.HealthVisitors, kind: AgencyKind.HealthVisiting),
            An.WasNotBrought(When.DaysAgo(3)),
            An.WasNotBrought(When.DaysAgo(2)))
        .With(An.Contact(When.DaysAgo(20)), An.Contact(When.DaysAgo(15)), An.Contact(When.DaysAgo(10)));

    [Fact]
    public void Every_rule_that_fires_is_returned_once_in_rule_order()
    {
        var findings = ConcernRules.Evaluate(EverythingAtOnce().Facts, ConcernRuleSettings.Default, When.Now);

        Assert.Equal(Enum.GetValues<ConcernRule>(), findings.Select(f => f.Rule));
    }

    [Fact]
    public void Summaries_hold_no_identifiers_only_counts_days_dates_and_theme_words()
    {
        var child = EverythingAtOnce();

        foreach (var finding in ConcernRules.Evaluate(child.Facts, ConcernRuleSettings.Default, When.Now))
        {
            Assert.Matches(SafeSummary(), finding.Summary);
            Assert.DoesNotContain(child.Id.ToString(), finding.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(GuidLike(), finding.Summary);
        }
    }

    [Fact]
    public void A_child_with_nothing_recorded_and_no_risk_factors_has_no_findings()
    {
        Assert.Empty(ConcernRules.Evaluate(AChild.AgedMonths(60).Facts, ConcernRuleSettings.Default, When.Now));
    }

    [Fact]
    public void Turning_every_rule_off_silences_them_all()
    {
        var d = ConcernRuleSettings.Default;
        var off = d with
        {
            CumulativeConcern = d.CumulativeConcern with { Enabled = false },
            UnderTwoInRiskHousehold = d.UnderTwoInRiskHousehold with { Enabled = false },
            OffTheRadar = d.OffTheRadar with { Enabled = false },
            RepeatedNoFurtherAction = d.RepeatedNoFurtherAction with { Enabled = false },
            NoFaceToFaceHealthVisit = d.NoFaceToFaceHealthVisit with { Enabled = false },
        };

        Assert.Empty(ConcernRules.Evaluate(EverythingAtOnce().Facts, off, When.Now));
    }

    [GeneratedRegex("^[A-Za-z0-9 ,;:.()-]+$")]
    private static partial Regex SafeSummary();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidLike();
}
