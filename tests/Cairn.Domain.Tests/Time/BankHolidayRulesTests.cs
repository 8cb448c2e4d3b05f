using System.Globalization;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

public class BankHolidayRulesTests
{
    private static readonly BankHolidayRules Rules = EnglandAndWales.BankHolidays;
    private static readonly BankHolidayRules StandingRulesOnly = new([]);

    public static TheoryData<int> PublishedYears => [.. PublishedYearRange];

    private static IEnumerable<int> PublishedYearRange =>
        Enumerable.Range(PublishedBankHolidays.FirstYear, PublishedBankHolidays.LastYear - PublishedBankHolidays.FirstYear + 1);

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Reproduces_every_published_holiday_and_no_others(int year)
    {
        var published = PublishedBankHolidays.InYear(year);

        Assert.NotEmpty(published);
        Assert.Equal(published, Rules.ForYear(year));
    }

    [Fact]
    public void The_published_list_covers_exactly_the_years_tested()
    {
        var years = PublishedBankHolidays.All.Select(h => h.Date.Year).Distinct().Order();

        Assert.Equal(PublishedYearRange, years);
        Assert.Equal(83, PublishedBankHolidays.All.Count);
    }

    [Theory]
    [InlineData(2028, "2028-01-03 New Year's Day (substitute day)", "2028-04-14 Good Friday", "2028-04-17 Easter Monday",
        "2028-05-01 Early May bank holiday", "2028-05-29 Spring bank holiday", "2028-08-28 Summer bank holiday",
        "2028-12-25 Christmas Day", "2028-12-26 Boxing Day")]
    [InlineData(2029, "2029-01-01 New Year's Day", "2029-03-30 Good Friday", "2029-04-02 Easter Monday",
        "2029-05-07 Early May bank holiday", "2029-05-28 Spring bank holiday", "2029-08-27 Summer bank holiday",
        "2029-12-25 Christmas Day", "2029-12-26 Boxing Day")]
    [InlineData(2030, "2030-01-01 New Year's Day", "2030-04-19 Good Friday", "2030-04-22 Easter Monday",
        "2030-05-06 Early May bank holiday", "2030-05-27 Spring bank holiday", "2030-08-26 Summer bank holiday",
        "2030-12-25 Christmas Day", "2030-12-26 Boxing Day")]
    [InlineData(2032, "2032-01-01 New Year's Day", "2032-03-26 Good Friday", "2032-03-29 Easter Monday",
        "2032-05-03 Early May bank holiday", "2032-05-31 Spring bank holiday", "2032-08-30 Summer bank holiday",
        "2032-12-27 Christmas Day (substitute day)", "2032-12-28 Boxing Day (substitute day)")]
    [InlineData(2033, "2033-01-03 New Year's Day (substitute day)", "2033-04-15 Good Friday", "2033-04-18 Easter Monday",
        "2033-05-02 Early May bank holiday", "2033-05-30 Spring bank holiday", "2033-08-29 Summer bank holiday",
        "2033-12-26 Boxing Day", "2033-12-27 Christmas Day (substitute day)")]
    [InlineData(2034, "2034-01-02 New Year's Day (substitute day)", "2034-04-07 Good Friday", "2034-04-10 Easter Monday",
        "2034-05-01 Early May bank holiday", "2034-05-29 Spring bank holiday", "2034-08-28 Summer bank holiday",
        "2034-12-25 Christmas Day", "2034-12-26 Boxing Day")]
    public void Unpublished_years_follow_the_standing_rules(int year, params string[] expected)
    {
        Assert.Equal(expected.Select(Holiday), Rules.ForYear(year));
    }

    [Theory]
    [InlineData(1981, "1981-07-29 Royal wedding")]
    [InlineData(1995, "1995-05-08 Early May bank holiday (VE day)")]
    [InlineData(1999, "1999-12-27 Christmas Day (substitute day)", "1999-12-28 Boxing Day (substitute day)", "1999-12-31 Millennium celebrations")]
    [InlineData(2002, "2002-06-03 Queen's Golden Jubilee", "2002-06-04 Spring bank holiday")]
    [InlineData(2011, "2011-04-29 Royal wedding")]
    [InlineData(2012, "2012-06-04 Spring bank holiday", "2012-06-05 Queen's Diamond Jubilee")]
    public void Known_adjustments_before_the_published_list_are_applied(int year, params string[] expected)
    {
        var holidays = Rules.ForYear(year);

        Assert.All(expected.Select(Holiday), h => Assert.Contains(h, holidays));
    }

    [Theory]
    [InlineData(1995, "1995-05-01", "1995-05-08")]
    [InlineData(2002, "2002-05-27", "2002-06-04")]
    [InlineData(2012, "2012-05-28", "2012-06-04")]
    [InlineData(2020, "2020-05-04", "2020-05-08")]
    [InlineData(2022, "2022-05-30", "2022-06-02")]
    public void A_moved_holiday_is_no_longer_on_its_standing_rule_date(int year, string standingDate, string movedDate)
    {
        var dates = Rules.ForYear(year).Select(h => h.Date).ToList();

        Assert.DoesNotContain(Date(standingDate), dates);
        Assert.Contains(Date(movedDate), dates);
        Assert.Contains(Date(standingDate), StandingRulesOnly.ForYear(year).Select(h => h.Date));
    }

    [Fact]
    public void Every_year_has_eight_standing_holidays_on_distinct_weekdays_in_date_order()
    {
        for (var year = BankHolidayRules.FirstYear; year <= 2500; year++)
        {
            var holidays = StandingRulesOnly.ForYear(year);

            Assert.Equal(8, holidays.Count);
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.All(holidays, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h} is at a weekend."));
            Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date).Distinct(), holidays.Select(h => h.Date));
        }
    }

    [Fact]
    public void Known_adjustments_only_change_the_years_they_name()
    {
        var adjustedYears = EnglandAndWales.KnownAdjustments.Select(a => a.Date.Year).ToHashSet();

        for (var year = BankHolidayRules.FirstYear; year <= 2100; year++)
        {
            if (!adjustedYears.Contains(year))
            {
                Assert.Equal(StandingRulesOnly.ForYear(year), Rules.ForYear(year));
            }
        }
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(1818, "1818-03-22")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(1583, "1583-04-10")]
    [InlineData(9999, "9999-03-28")]
    public void Easter_Sunday(int year, string expected)
    {
        Assert.Equal(Date(expected), BankHolidayRules.EasterSunday(year));
    }

    [Fact]
    public void Easter_is_always_a_Sunday_between_22_March_and_25_April()
    {
        for (var year = 1583; year <= BankHolidayRules.LastYear; year++)
        {
            var easter = BankHolidayRules.EasterSunday(year);

            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Easter_outside_the_Gregorian_years_it_can_represent_is_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidayRules.EasterSunday(year));
    }

    [Theory]
    [InlineData(BankHolidayRules.FirstYear - 1)]
    [InlineData(BankHolidayRules.LastYear + 1)]
    public void Years_the_rules_do_not_describe_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.ForYear(year));
    }

    [Fact]
    public void An_administrator_can_add_a_newly_announced_day()
    {
        var announced = BankHolidayAdjustment.Additional(Date("2031-06-13"), "An announced day");
        var rules = new BankHolidayRules([.. EnglandAndWales.KnownAdjustments, announced]);

        Assert.Contains(new BankHoliday(Date("2031-06-13"), "An announced day"), rules.ForYear(2031));
        Assert.Equal(9, rules.ForYear(2031).Count);
        Assert.Equal(Rules.ForYear(2022), rules.ForYear(2022));
    }

    [Fact]
    public void An_administrator_can_move_a_standing_holiday_and_keep_its_name()
    {
        var rules = new BankHolidayRules([BankHolidayAdjustment.Moved(Date("2031-05-26"), Date("2031-05-27"))]);

        var spring = Assert.Single(rules.ForYear(2031), h => h.Name == "Spring bank holiday");
        Assert.Equal(Date("2031-05-27"), spring.Date);
        Assert.Equal(8, rules.ForYear(2031).Count);
    }

    [Fact]
    public void The_same_adjustment_listed_twice_counts_once()
    {
        var rules = new BankHolidayRules([.. EnglandAndWales.KnownAdjustments, .. EnglandAndWales.KnownAdjustments]);

        Assert.Equal(EnglandAndWales.KnownAdjustments.Count, rules.Adjustments.Count);
        Assert.Equal(Rules.ForYear(2022), rules.ForYear(2022));
    }

    [Fact]
    public void Adjustments_are_applied_whatever_order_they_are_listed_in()
    {
        var rules = new BankHolidayRules(EnglandAndWales.KnownAdjustments.Reverse());

        for (var year = PublishedBankHolidays.FirstYear; year <= PublishedBankHolidays.LastYear; year++)
        {
            Assert.Equal(Rules.ForYear(year), rules.ForYear(year));
        }
    }

    public static TheoryData<string, BankHolidayAdjustment> ConflictingAdjustments => new()
    {
        { "moving a day that is not a holiday", BankHolidayAdjustment.Moved(Date("2031-05-27"), Date("2031-05-28")) },
        { "moving onto another holiday", BankHolidayAdjustment.Moved(Date("2031-05-26"), Date("2031-08-25")) },
        { "adding a day that is already a holiday", BankHolidayAdjustment.Additional(Date("2031-12-25"), "Twice") },
        { "a second, different move of the VE day holiday", BankHolidayAdjustment.Moved(Date("2020-05-04"), Date("2020-05-11")) },
        { "adding a day onto a moved holiday", BankHolidayAdjustment.Additional(Date("2022-06-02"), "Clash") },
        { "adding a day before the rules begin", BankHolidayAdjustment.Additional(Date("1977-06-07"), "Silver Jubilee") },
    };

    [Theory]
    [MemberData(nameof(ConflictingAdjustments))]
    public void Conflicting_adjustments_are_refused_when_the_list_is_loaded(string because, BankHolidayAdjustment adjustment)
    {
        var error = Assert.Throws<ArgumentException>(() => new BankHolidayRules([.. EnglandAndWales.KnownAdjustments, adjustment]));

        Assert.True(error.ParamName == "adjustments", $"Refused {because}, but blamed '{error.ParamName}'.");
    }

    [Fact]
    public void Malformed_adjustments_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => BankHolidayAdjustment.Moved(Date("2031-05-26"), Date("2031-05-26")));
        Assert.Throws<ArgumentException>(() => BankHolidayAdjustment.Moved(Date("2031-12-29"), Date("2032-01-02")));
        Assert.Throws<ArgumentException>(() => BankHolidayAdjustment.Moved(Date("2031-05-26"), Date("2031-05-27"), " "));
        Assert.Throws<ArgumentException>(() => BankHolidayAdjustment.Additional(Date("2031-05-27"), ""));
        Assert.Throws<ArgumentNullException>(() => BankHolidayAdjustment.Additional(Date("2031-05-27"), null!));
        Assert.Throws<ArgumentNullException>(() => new BankHolidayRules(null!));
    }

    [Fact]
    public void An_adjustment_says_what_kind_it_is()
    {
        var moved = BankHolidayAdjustment.Moved(Date("2020-05-04"), Date("2020-05-08"));
        var added = BankHolidayAdjustment.Additional(Date("2023-05-08"), "Coronation");

        Assert.Equal((BankHolidayAdjustmentKind.Moved, Date("2020-05-08"), Date("2020-05-04"), (string?)null), (moved.Kind, moved.Date, moved.MovedFrom, moved.Name));
        Assert.Equal((BankHolidayAdjustmentKind.Additional, Date("2023-05-08"), (DateOnly?)null, "Coronation"), (added.Kind, added.Date, added.MovedFrom, added.Name));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static BankHoliday Holiday(string dateAndName) => new(Date(dateAndName[..10]), dateAndName[11..]);
}
