using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public class CumulativeConcernTests
{
    private static readonly CumulativeConcernSettings Defaults = ConcernRuleSettings.Default.CumulativeConcern;

    // The reviews' picture of neglect (TW, L04): four agencies, each with something small.
    private static FactEntry PoorHygiene(DateTimeOffset? at = null) =>
        An.Entry(at ?? When.DaysAgo(40), ConcernTheme.Neglect, agency: From.School, kind: AgencyKind.School, category: ChronologyCategory.Education);

    private static FactEntry MissedImmunisation(DateTimeOffset? at = null) =>
        An.Entry(at ?? When.DaysAgo(30), ConcernTheme.UnmetHealthNeeds, agency: From.Gp, kind: AgencyKind.GeneralPractice,
            category: ChronologyCategory.Appointment, mode: ContactMode.FaceToFace, outcome: AppointmentOutcome.WasNotBrought);

    private static FactEntry ColdHome(DateTimeOffset? at = null) =>
        An.Entry(at ?? When.DaysAgo(20), ConcernTheme.HomeConditions, agency: From.HealthVisitors, kind: AgencyKind.HealthVisiting,
            category: ChronologyCategory.HomeVisit, mode: ContactMode.FaceToFace);

    // About the adults: the child is in the household, not a subject of the police entry.
    private static FactEntry DomesticIncident(DateTimeOffset? at = null) =>
        An.Entry(at ?? When.DaysAgo(10), ConcernTheme.DomesticAbuse, Significance.Significant, From.Police, AgencyKind.Police,
            ChronologyCategory.Police, aboutThisChild: false);

    private static FactEntry[] Picture() => [PoorHygiene(), MissedImmunisation(), ColdHome(), DomesticIncident()];

    private static ConcernRuleSettings With(CumulativeConcernSettings cumulative) => ConcernRuleSettings.Default with { CumulativeConcern = cumulative };

    [Fact]
    public void Four_small_concerns_from_four_agencies_add_up_to_a_step_up_with_all_four_as_evidence()
    {
        var picture = Picture();
        var child = AChild.AgedMonths(30).With(picture);

        var finding = child.Finding(ConcernRule.CumulativeConcern);

        Assert.NotNull(finding);
        Assert.Equal(child.Id, finding.Child);
        Assert.Equal(picture.OrderBy(e => e.OccurredAt).Select(e => e.Id), finding.Entries);
        Assert.Empty(finding.Contacts);
        var total = picture.Sum(e => ConcernRules.Score(e, Defaults));
        Assert.Equal($"4 concerns from 4 agencies in the last 90 days scored {total} against a step-up threshold of {Defaults.Threshold}",
            finding.Summary);
    }

    [Fact]
    public void The_default_scores_follow_the_weights_and_multipliers_documented_on_the_settings()
    {
        // Neglect 3 x routine 1; unmet health needs 2 + was not brought 2; home conditions 3; domestic abuse 3 x significant 2.
        Assert.Equal([3, 4, 3, 6], Picture().Select(e => ConcernRules.Score(e, Defaults)));
        Assert.Equal(14, Defaults.Threshold);
    }

    [Fact]
    public void Each_concern_alone_is_well_below_the_threshold_even_when_one_agency_would_be_enough()
    {
        var oneAgencyEnough = With(Defaults with { MinAgencies = 1 });
        foreach (var entry in Picture())
        {
            Assert.True(ConcernRules.Score(entry, Defaults) * 2 <= Defaults.Threshold);
            Assert.Null(AChild.AgedMonths(30).With(entry).Finding(ConcernRule.CumulativeConcern, oneAgencyEnough));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_three_of_the_four_do_not_reach_the_default_threshold(int left)
    {
        var three = Picture().Where((_, i) => i != left).ToArray();

        Assert.Null(AChild.AgedMonths(30).With(three).Finding(ConcernRule.CumulativeConcern));
    }

    [Fact]
    public void A_total_one_below_the_threshold_does_not_fire_and_one_at_it_does()
    {
        var total = Picture().Sum(e => ConcernRules.Score(e, Defaults));

        Assert.Null(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern, With(Defaults with { Threshold = total + 1 })));
        Assert.NotNull(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern, With(Defaults with { Threshold = total })));
    }

    [Fact]
    public void An_entry_on_the_first_day_of_the_window_counts_and_one_the_day_before_does_not()
    {
        var inside = AChild.AgedMonths(30).With(PoorHygiene(When.StartOfDayBefore(90)), MissedImmunisation(), ColdHome(), DomesticIncident());
        var outside = AChild.AgedMonths(30).With(PoorHygiene(When.JustBefore(90)), MissedImmunisation(), ColdHome(), DomesticIncident());

        Assert.NotNull(inside.Finding(ConcernRule.CumulativeConcern));
        Assert.Null(outside.Finding(ConcernRule.CumulativeConcern));
    }

    [Fact]
    public void The_window_is_counted_in_London_days_in_summer_time()
    {
        // Noon on 1 August 2026 (BST). 00:30 London on 3 May is 23:30 UTC on 2 May: inside a 90-day window.
        var now = When.At(2026, 8, 1, 12, 0);
        var firstLondonMinute = When.StartOfDayBefore(90, now);
        Assert.Equal(23, firstLondonMinute.UtcDateTime.Hour);

        var inside = AChild.AgedMonths(30).With(PoorHygiene(firstLondonMinute.AddMinutes(30)), MissedImmunisation(now.AddDays(-5)),
            ColdHome(now.AddDays(-5)), DomesticIncident(now.AddDays(-5)));
        var outside = AChild.AgedMonths(30).With(PoorHygiene(firstLondonMinute.AddMinutes(-30)), MissedImmunisation(now.AddDays(-5)),
            ColdHome(now.AddDays(-5)), DomesticIncident(now.AddDays(-5)));

        Assert.NotNull(inside.Finding(ConcernRule.CumulativeConcern, now: now));
        Assert.Null(outside.Finding(ConcernRule.CumulativeConcern, now: now));
    }

    [Fact]
    public void Entries_dated_after_now_do_not_count()
    {
        var child = AChild.AgedMonths(30).With(PoorHygiene(When.Now.AddMinutes(1)), MissedImmunisation(), ColdHome(), DomesticIncident());

        Assert.Null(child.Finding(ConcernRule.CumulativeConcern));
    }

    [Fact]
    public void Concerns_enough_to_score_but_all_from_one_agency_do_not_fire_with_the_default_of_two_agencies()
    {
        var fromSchool = Picture().Select(e => e with { Agency = From.School }).ToArray();
        var fromTwo = Picture().Select((e, i) => e with { Agency = i == 0 ? From.School : From.Police }).ToArray();

        Assert.Null(AChild.AgedMonths(30).With(fromSchool).Finding(ConcernRule.CumulativeConcern));
        Assert.Contains("from 2 agencies", AChild.AgedMonths(30).With(fromTwo).Finding(ConcernRule.CumulativeConcern)!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_agencies_are_one_short_of_a_minimum_of_five()
    {
        Assert.Null(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern, With(Defaults with { MinAgencies = 5 })));
        Assert.NotNull(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern, With(Defaults with { MinAgencies = 4 })));
    }

    [Fact]
    public void An_agency_whose_entry_scores_nothing_is_not_counted_or_listed()
    {
        var nothingOfConcern = An.Visit(When.DaysAgo(3), agency: From.SocialCare, kind: AgencyKind.ChildrensSocialCare);
        var child = AChild.AgedMonths(30).With([.. Picture(), nothingOfConcern]);

        var finding = child.Finding(ConcernRule.CumulativeConcern, With(Defaults with { MinAgencies = 5 }));

        Assert.Null(finding);
        Assert.DoesNotContain(nothingOfConcern.Id, child.Finding(ConcernRule.CumulativeConcern)!.Entries);
    }

    [Fact]
    public void A_household_entry_counts_unless_the_area_turns_household_entries_off()
    {
        Assert.NotNull(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern));
        Assert.Null(AChild.AgedMonths(30).With(Picture())
            .Finding(ConcernRule.CumulativeConcern, With(Defaults with { CountHouseholdEntries = false })));
    }

    [Theory]
    [InlineData(Significance.Routine, 1)]
    [InlineData(Significance.Significant, 2)]
    [InlineData(Significance.Critical, 3)]
    public void Significance_multiplies_the_theme_weights_but_not_the_was_not_brought_weight(Significance significance, int multiplier)
    {
        var entry = MissedImmunisation() with { Significance = significance, Concerns = ConcernTheme.Neglect | ConcernTheme.UnmetHealthNeeds };

        var expected = ((Defaults.ThemeWeights[ConcernTheme.Neglect] + Defaults.ThemeWeights[ConcernTheme.UnmetHealthNeeds]) * multiplier)
            + Defaults.WasNotBroughtWeight;
        Assert.Equal(expected, ConcernRules.Score(entry, Defaults));
    }

    [Fact]
    public void The_weights_are_the_areas_to_change()
    {
        var heavierNeglect = Defaults with
        {
            ThemeWeights = new Dictionary<ConcernTheme, int> { [ConcernTheme.Neglect] = 10 },
            WasNotBroughtWeight = 0,
        };

        Assert.Equal(10, ConcernRules.Score(PoorHygiene(), heavierNeglect));
        Assert.Equal(0, ConcernRules.Score(ColdHome(), heavierNeglect));
        Assert.Equal(0, ConcernRules.Score(MissedImmunisation(), heavierNeglect));
    }

    [Fact]
    public void A_disabled_rule_does_not_fire()
    {
        Assert.Null(AChild.AgedMonths(30).With(Picture()).Finding(ConcernRule.CumulativeConcern, With(Defaults with { Enabled = false })));
    }

    [Fact]
    public void The_evidence_is_in_date_order_whatever_order_the_entries_come_in()
    {
        var picture = Picture();
        var finding = AChild.AgedMonths(30).With(Enumerable.Reverse(picture).ToArray()).Finding(ConcernRule.CumulativeConcern)!;

        Assert.Equal(picture.OrderBy(e => e.OccurredAt).Select(e => e.Id), finding.Entries);
    }
}
