using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public class UnderTwoInRiskHouseholdTests
{
    private static readonly UnderTwoInRiskHouseholdSettings Defaults = ConcernRuleSettings.Default.UnderTwoInRiskHousehold;

    private static FactEntry DrinkingInTheHousehold(DateTimeOffset? at = null) =>
        An.Entry(at ?? When.DaysAgo(30), ConcernTheme.ParentalAlcoholMisuse, agency: From.Police, kind: AgencyKind.Police,
            category: ChronologyCategory.Police, aboutThisChild: false);

    private static ConcernRuleSettings With(UnderTwoInRiskHouseholdSettings settings) =>
        ConcernRuleSettings.Default with { UnderTwoInRiskHousehold = settings };

    [Theory]
    [InlineData(ConcernTheme.Neglect)]
    [InlineData(ConcernTheme.DomesticAbuse)]
    [InlineData(ConcernTheme.ParentalAlcoholMisuse)]
    [InlineData(ConcernTheme.ParentalSubstanceMisuse)]
    public void A_baby_in_a_household_with_a_default_risk_theme_is_flagged_with_the_entry_as_evidence(ConcernTheme theme)
    {
        var entry = DrinkingInTheHousehold() with { Concerns = theme | ConcernTheme.HomeConditions };
        var child = AChild.AgedMonths(8).With(entry);

        var finding = child.Finding(ConcernRule.UnderTwoInRiskHousehold);

        Assert.NotNull(finding);
        Assert.Equal([entry.Id], finding.Entries);
        Assert.Equal($"Under 2 (aged 8 months) with 1 entry in the last 365 days recording {ConcernThemes.Describe(theme)} about the child or their household",
            finding.Summary);
    }

    [Theory]
    [InlineData(ConcernTheme.HomeConditions)]
    [InlineData(ConcernTheme.ParentalMentalHealth)]
    [InlineData(ConcernTheme.None)]
    public void Other_themes_do_not_flag_by_default(ConcernTheme theme)
    {
        var child = AChild.AgedMonths(8).With(DrinkingInTheHousehold() with { Concerns = theme });

        Assert.Null(child.Finding(ConcernRule.UnderTwoInRiskHousehold));
    }

    [Fact]
    public void The_themes_are_the_areas_to_choose()
    {
        var child = AChild.AgedMonths(8).With(DrinkingInTheHousehold() with { Concerns = ConcernTheme.ParentalMentalHealth });

        Assert.NotNull(child.Finding(ConcernRule.UnderTwoInRiskHousehold, With(Defaults with { Themes = ConcernTheme.ParentalMentalHealth })));
        Assert.Null(AChild.AgedMonths(8).With(DrinkingInTheHousehold())
            .Finding(ConcernRule.UnderTwoInRiskHousehold, With(Defaults with { Themes = ConcernTheme.ParentalMentalHealth })));
    }

    [Fact]
    public void Every_matching_entry_is_evidence_and_the_summary_names_every_theme_seen()
    {
        var neglect = An.Entry(When.DaysAgo(100), ConcernTheme.Neglect, agency: From.HealthVisitors, kind: AgencyKind.HealthVisiting);
        var drinking = DrinkingInTheHousehold();
        var child = AChild.AgedMonths(11).With(drinking, neglect, An.Entry(When.DaysAgo(5), ConcernTheme.Education));

        var finding = child.Finding(ConcernRule.UnderTwoInRiskHousehold)!;

        Assert.Equal([neglect.Id, drinking.Id], finding.Entries);
        Assert.Contains("2 entries", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("neglect and parental alcohol misuse", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_before_the_second_birthday_the_child_is_under_two_and_on_it_is_not()
    {
        var born = new DateOnly(2024, 11, 24);
        Assert.Equal(When.Today, born.AddYears(2).AddDays(-1));

        Assert.NotNull(AChild.BornOn(born).With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold));
        Assert.Null(AChild.BornOn(born.AddDays(-1)).With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold));
    }

    [Fact]
    public void Age_is_taken_on_the_London_date_so_just_after_midnight_in_summer_the_birthday_has_come()
    {
        var child = AChild.BornOn(new DateOnly(2024, 7, 1)).With(An.Entry(When.At(2026, 6, 1, 12, 0), ConcernTheme.DomesticAbuse));
        var lastMinuteOfThirtiethJune = new DateTimeOffset(2026, 6, 30, 22, 59, 0, TimeSpan.Zero);
        var firstMinutesOfFirstJuly = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.NotNull(child.Finding(ConcernRule.UnderTwoInRiskHousehold, now: lastMinuteOfThirtiethJune));
        Assert.Null(child.Finding(ConcernRule.UnderTwoInRiskHousehold, now: firstMinutesOfFirstJuly));
    }

    [Fact]
    public void A_child_born_on_29_February_turns_two_on_1_March_in_a_common_year()
    {
        var child = AChild.BornOn(new DateOnly(2024, 2, 29)).With(An.Entry(When.At(2026, 1, 10, 12, 0), ConcernTheme.Neglect));

        Assert.Equal(new DateOnly(2026, 3, 1), ConcernRules.Birthday(new DateOnly(2024, 2, 29), 2));
        Assert.NotNull(child.Finding(ConcernRule.UnderTwoInRiskHousehold, now: When.At(2026, 2, 28, 12, 0)));
        Assert.Null(child.Finding(ConcernRule.UnderTwoInRiskHousehold, now: When.At(2026, 3, 1, 12, 0)));
    }

    [Fact]
    public void An_entry_on_the_first_day_of_the_window_counts_and_one_the_day_before_does_not()
    {
        Assert.NotNull(AChild.AgedMonths(18).With(DrinkingInTheHousehold(When.StartOfDayBefore(365))).Finding(ConcernRule.UnderTwoInRiskHousehold));
        Assert.Null(AChild.AgedMonths(18).With(DrinkingInTheHousehold(When.JustBefore(365))).Finding(ConcernRule.UnderTwoInRiskHousehold));
    }

    [Fact]
    public void A_shorter_window_leaves_out_older_entries()
    {
        var child = AChild.AgedMonths(18).With(DrinkingInTheHousehold(When.DaysAgo(40)));

        Assert.Null(child.Finding(ConcernRule.UnderTwoInRiskHousehold, With(Defaults with { WindowDays = 30 })));
        Assert.NotNull(child.Finding(ConcernRule.UnderTwoInRiskHousehold, With(Defaults with { WindowDays = 40 })));
    }

    [Fact]
    public void An_entry_about_the_child_counts_as_well_as_one_about_the_household()
    {
        var child = AChild.AgedMonths(3).With(DrinkingInTheHousehold() with { AboutThisChild = true, Concerns = ConcernTheme.Neglect });

        Assert.NotNull(child.Finding(ConcernRule.UnderTwoInRiskHousehold));
    }

    [Fact]
    public void Without_a_date_of_birth_or_before_birth_the_rule_does_not_fire()
    {
        Assert.Null(AChild.Unknown.With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold));
        Assert.Null(AChild.BornOn(When.Today.AddDays(30)).With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold));
    }

    [Fact]
    public void A_newborn_born_today_is_under_two()
    {
        var finding = AChild.BornOn(When.Today).With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold);

        Assert.Contains("aged 0 days", finding!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_rule_does_not_fire()
    {
        Assert.Null(AChild.AgedMonths(8).With(DrinkingInTheHousehold()).Finding(ConcernRule.UnderTwoInRiskHousehold, With(Defaults with { Enabled = false })));
    }
}
