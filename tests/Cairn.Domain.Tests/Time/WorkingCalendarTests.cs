using System.Globalization;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

// Instants in these tables carry explicit offsets (+01:00 is British Summer Time, Z is GMT), so each
// expectation is independent of the time-zone conversion under test. In 2026 the clocks go forward on
// Sunday 29 March and back on Sunday 25 October.
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);

    [Theory]
    [InlineData("2026-06-09T08:59:59+01:00", false)]
    [InlineData("2026-06-09T09:00:00+01:00", true)]
    [InlineData("2026-06-09T08:00:00Z", true)]
    [InlineData("2026-06-09T16:59:59.9999999+01:00", true)]
    [InlineData("2026-06-09T17:00:00+01:00", false)]
    [InlineData("2026-06-09T16:30:00Z", false)]
    [InlineData("2026-06-09T11:00:00-04:00", true)]
    [InlineData("2026-06-10T00:30:00+09:00", true)]
    [InlineData("2026-01-13T16:30:00Z", true)]
    [InlineData("2026-01-13T08:30:00Z", false)]
    [InlineData("2026-06-13T12:00:00+01:00", false)]
    [InlineData("2026-06-14T12:00:00+01:00", false)]
    [InlineData("2026-05-04T12:00:00+01:00", false)]
    [InlineData("2026-12-28T12:00:00Z", false)]
    [InlineData("2026-03-27T16:30:00Z", true)]
    [InlineData("2026-03-30T08:30:00Z", true)]
    [InlineData("2026-03-30T16:30:00Z", false)]
    [InlineData("2026-10-23T15:30:00Z", true)]
    [InlineData("2026-10-23T16:00:00Z", false)]
    [InlineData("2026-10-26T08:30:00Z", false)]
    [InlineData("2026-10-26T16:30:00Z", true)]
    public void Within_working_hours(string instant, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWithinWorkingHours(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-06-09", true)]
    [InlineData("2026-06-12", true)]
    [InlineData("2026-06-13", false)]
    [InlineData("2026-06-14", false)]
    [InlineData("2026-05-04", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-12-28", false)]
    [InlineData("2027-12-27", false)]
    [InlineData("2022-09-19", false)]
    [InlineData("2023-05-08", false)]
    [InlineData("2020-05-04", true)]
    [InlineData("2020-05-08", false)]
    public void Working_days(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-06-09T10:15:00+01:00", "2026-06-09T10:15:00+01:00")]
    [InlineData("2026-06-09T09:00:00+01:00", "2026-06-09T09:00:00+01:00")]
    [InlineData("2026-06-09T07:00:00+01:00", "2026-06-09T09:00:00+01:00")]
    [InlineData("2026-06-08T23:30:00Z", "2026-06-09T09:00:00+01:00")]
    [InlineData("2026-06-09T17:00:00+01:00", "2026-06-10T09:00:00+01:00")]
    [InlineData("2026-06-12T18:00:00+01:00", "2026-06-15T09:00:00+01:00")]
    [InlineData("2026-06-13T12:00:00+01:00", "2026-06-15T09:00:00+01:00")]
    [InlineData("2026-05-01T17:30:00+01:00", "2026-05-05T09:00:00+01:00")]
    [InlineData("2026-03-27T18:00:00Z", "2026-03-30T09:00:00+01:00")]
    [InlineData("2026-10-23T17:00:00+01:00", "2026-10-26T09:00:00Z")]
    [InlineData("2026-12-24T17:00:00Z", "2026-12-29T09:00:00Z")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-04T09:00:00Z")]
    public void Next_working_start(string instant, string expected)
    {
        AssertSameInstantInUtc(expected, Calendar.NextWorkingStart(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-06-09T10:00:00+01:00", 3, "2026-06-09T13:00:00+01:00")]
    [InlineData("2026-06-09T13:00:00+01:00", 4, "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T09:00:00+01:00", 8, "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T17:00:00+01:00", 8, "2026-06-10T17:00:00+01:00")]
    [InlineData("2026-06-09T16:00:00+01:00", 1.5, "2026-06-10T09:30:00+01:00")]
    [InlineData("2026-06-09T07:00:00+01:00", 0, "2026-06-09T09:00:00+01:00")]
    [InlineData("2026-06-09T10:00:00+01:00", 0, "2026-06-09T10:00:00+01:00")]
    [InlineData("2026-06-09T17:00:00+01:00", 0, "2026-06-10T09:00:00+01:00")]
    [InlineData("2026-06-13T12:00:00+01:00", 0, "2026-06-15T09:00:00+01:00")]
    [InlineData("2026-06-13T12:00:00+01:00", 2, "2026-06-15T11:00:00+01:00")]
    [InlineData("2026-06-12T15:00:00+01:00", 4, "2026-06-15T11:00:00+01:00")]
    [InlineData("2026-05-22T15:00:00+01:00", 4, "2026-05-26T11:00:00+01:00")]
    [InlineData("2026-05-01T16:55:00+01:00", 0.25, "2026-05-05T09:10:00+01:00")]
    [InlineData("2026-04-02T16:00:00+01:00", 2, "2026-04-07T10:00:00+01:00")]
    [InlineData("2026-12-24T15:00:00Z", 4, "2026-12-29T11:00:00Z")]
    [InlineData("2026-03-27T15:00:00Z", 4, "2026-03-30T11:00:00+01:00")]
    [InlineData("2026-03-27T15:00:00Z", 2, "2026-03-27T17:00:00Z")]
    [InlineData("2026-03-27T15:00:00Z", 10, "2026-03-30T17:00:00+01:00")]
    [InlineData("2026-10-23T15:00:00+01:00", 4, "2026-10-26T11:00:00Z")]
    [InlineData("2026-10-23T15:00:00+01:00", 10, "2026-10-26T17:00:00Z")]
    [InlineData("2026-06-08T09:00:00+01:00", 40, "2026-06-12T17:00:00+01:00")]
    [InlineData("2026-06-08T09:00:00+01:00", 40.5, "2026-06-15T09:30:00+01:00")]
    public void Add_working_hours(string start, double hours, string expected)
    {
        AssertSameInstantInUtc(expected, Calendar.AddWorkingHours(Instant(start), TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void A_tick_past_the_close_runs_into_the_next_working_day()
    {
        var result = Calendar.AddWorkingHours(Instant("2026-06-09T13:00:00+01:00"), TimeSpan.FromHours(4) + TimeSpan.FromTicks(1));

        AssertSameInstantInUtc("2026-06-10T09:00:00.0000001+01:00", result);
    }

    [Theory]
    [InlineData("2026-05-01T16:55:00+01:00", 1, "2026-05-05T17:00:00+01:00")]
    [InlineData("2026-05-01T17:00:00+01:00", 1, "2026-05-06T17:00:00+01:00")]
    [InlineData("2026-05-02T10:00:00+01:00", 1, "2026-05-06T17:00:00+01:00")]
    [InlineData("2026-06-13T10:00:00+01:00", 1, "2026-06-16T17:00:00+01:00")]
    [InlineData("2026-06-14T23:59:00+01:00", 1, "2026-06-16T17:00:00+01:00")]
    [InlineData("2026-06-09T08:30:00+01:00", 0, "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T08:30:00+01:00", 1, "2026-06-10T17:00:00+01:00")]
    [InlineData("2026-06-09T10:00:00+01:00", 0, "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T10:00:00+01:00", 1, "2026-06-10T17:00:00+01:00")]
    [InlineData("2026-06-09T18:00:00+01:00", 0, "2026-06-10T17:00:00+01:00")]
    [InlineData("2026-06-09T18:00:00+01:00", 1, "2026-06-11T17:00:00+01:00")]
    [InlineData("2026-06-12T10:00:00+01:00", 1, "2026-06-15T17:00:00+01:00")]
    [InlineData("2026-06-12T10:00:00+01:00", 5, "2026-06-19T17:00:00+01:00")]
    [InlineData("2026-03-27T10:00:00Z", 1, "2026-03-30T17:00:00+01:00")]
    [InlineData("2026-03-27T18:00:00Z", 1, "2026-03-31T17:00:00+01:00")]
    [InlineData("2026-10-23T10:00:00+01:00", 1, "2026-10-26T17:00:00Z")]
    [InlineData("2026-10-23T17:30:00+01:00", 1, "2026-10-27T17:00:00Z")]
    [InlineData("2026-04-02T16:00:00+01:00", 1, "2026-04-07T17:00:00+01:00")]
    [InlineData("2026-12-24T10:00:00Z", 1, "2026-12-29T17:00:00Z")]
    [InlineData("2026-12-24T10:00:00Z", 2, "2026-12-30T17:00:00Z")]
    [InlineData("2022-06-01T12:00:00+01:00", 1, "2022-06-06T17:00:00+01:00")]
    [InlineData("2022-09-16T12:00:00+01:00", 1, "2022-09-20T17:00:00+01:00")]
    [InlineData("2026-01-05T10:00:00Z", 250, "2026-12-30T17:00:00Z")]
    public void Add_working_days_to_an_arrival(string arrival, int days, string expected)
    {
        AssertSameInstantInUtc(expected, Calendar.AddWorkingDays(Instant(arrival), days));
    }

    [Theory]
    [InlineData("2026-06-09T10:00:00+01:00", "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T07:00:00+01:00", "2026-06-09T17:00:00+01:00")]
    [InlineData("2026-06-09T17:00:00+01:00", "2026-06-10T17:00:00+01:00")]
    [InlineData("2026-06-13T10:00:00+01:00", "2026-06-15T17:00:00+01:00")]
    [InlineData("2026-05-01T16:59:00+01:00", "2026-05-01T17:00:00+01:00")]
    [InlineData("2026-05-01T17:01:00+01:00", "2026-05-05T17:00:00+01:00")]
    [InlineData("2026-03-28T12:00:00Z", "2026-03-30T17:00:00+01:00")]
    [InlineData("2026-10-24T12:00:00+01:00", "2026-10-26T17:00:00Z")]
    public void End_of_working_day(string instant, string expected)
    {
        AssertSameInstantInUtc(expected, Calendar.EndOfWorkingDay(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-12-18", 15, "2027-01-13")]
    [InlineData("2026-06-13", 1, "2026-06-15")]
    [InlineData("2026-06-13", 0, "2026-06-13")]
    [InlineData("2026-06-09", 0, "2026-06-09")]
    [InlineData("2026-06-12", 1, "2026-06-15")]
    [InlineData("2026-05-01", 1, "2026-05-05")]
    [InlineData("2026-05-04", 1, "2026-05-05")]
    [InlineData("2026-04-01", 20, "2026-05-01")]
    [InlineData("2022-05-31", 5, "2022-06-09")]
    [InlineData("2023-04-28", 45, "2023-07-05")]
    [InlineData("2026-01-05", 250, "2026-12-30")]
    [InlineData("2025-12-24", 250, "2026-12-21")]
    public void Add_working_days_to_a_date(string date, int days, string expected)
    {
        var result = Calendar.AddWorkingDays(Date(date), days);

        Assert.Equal(Date(expected), result);
        Assert.Equal(days, Calendar.WorkingDaysBetween(Date(date), result));
    }

    [Theory]
    [InlineData("2026-06-09", "2026-06-09", 0)]
    [InlineData("2026-06-12", "2026-06-15", 1)]
    [InlineData("2026-06-13", "2026-06-14", 0)]
    [InlineData("2026-06-13", "2026-06-15", 1)]
    [InlineData("2026-06-15", "2026-06-13", -1)]
    [InlineData("2026-05-01", "2026-05-05", 1)]
    [InlineData("2026-05-05", "2026-05-01", -1)]
    [InlineData("2026-12-24", "2026-12-29", 1)]
    [InlineData("2026-12-18", "2027-01-13", 15)]
    [InlineData("2025-12-31", "2026-12-31", 253)]
    [InlineData("2017-12-31", "2027-12-31", 2527)]
    public void Working_days_between(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Date(from), Date(to)));
    }

    [Fact]
    public void A_calendar_of_the_published_dates_agrees_with_the_rules_on_every_day_they_cover()
    {
        var published = new WorkingCalendar(PublishedBankHolidays.All.Select(h => h.Date));

        for (var date = new DateOnly(PublishedBankHolidays.FirstYear, 1, 1); date.Year <= PublishedBankHolidays.LastYear; date = date.AddDays(1))
        {
            Assert.True(published.IsWorkingDay(date) == Calendar.IsWorkingDay(date), $"The calendars disagree about {date:yyyy-MM-dd}.");
        }
    }

    [Fact]
    public void By_default_a_calendar_keeps_nine_to_five_in_London()
    {
        Assert.Equal(WorkingHours.Default, Calendar.Hours);
        Assert.Equal("Europe/London", Calendar.TimeZone.Id);
    }

    [Fact]
    public void Other_working_hours_are_kept_in_local_time()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays, new WorkingHours(new TimeOnly(8, 30), new TimeOnly(16, 0)));

        AssertSameInstantInUtc("2026-03-30T08:30:00+01:00", calendar.NextWorkingStart(Instant("2026-03-27T16:00:00Z")));
        AssertSameInstantInUtc("2026-03-30T10:30:00+01:00", calendar.AddWorkingHours(Instant("2026-03-27T15:00:00Z"), TimeSpan.FromHours(3)));
        AssertSameInstantInUtc("2026-03-30T16:00:00+01:00", calendar.AddWorkingDays(Instant("2026-03-27T15:00:00Z"), 1));
    }

    [Fact]
    public void A_holiday_source_is_asked_once_per_year()
    {
        var asked = new List<int>();
        var calendar = new WorkingCalendar(year =>
        {
            asked.Add(year);
            return EnglandAndWales.BankHolidays.ForYear(year).Select(h => h.Date);
        });

        Assert.Equal(Date("2027-12-23"), calendar.AddWorkingDays(Date("2026-01-05"), 500));
        Assert.Equal(500, calendar.WorkingDaysBetween(Date("2026-01-05"), Date("2027-12-23")));
        Assert.False(calendar.IsWorkingDay(Date("2026-12-28")));

        Assert.Equal<int>([2026, 2027], asked);
    }

    [Fact]
    public void A_holiday_source_that_answers_for_the_wrong_year_is_a_bug()
    {
        var calendar = new WorkingCalendar(year => [new DateOnly(year + 1, 1, 1)]);

        Assert.Throws<InvalidOperationException>(() => calendar.IsWorkingDay(Date("2026-06-09")));
    }

    [Fact]
    public void A_calendar_without_working_days_fails_rather_than_searching_forever()
    {
        var everyDay = new WorkingCalendar(year => Enumerable.Range(0, 366).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Where(d => d.Year == year));

        Assert.Throws<InvalidOperationException>(() => everyDay.NextWorkingStart(Instant("2026-06-09T10:00:00Z")));
        Assert.Throws<InvalidOperationException>(() => everyDay.AddWorkingDays(Date("2026-06-09"), 1));
    }

    [Fact]
    public void Years_the_bank_holiday_rules_do_not_describe_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(Date("1977-06-07")));
    }

    [Fact]
    public void Negative_spans_are_refused()
    {
        var now = Instant("2026-06-09T10:00:00+01:00");

        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingHours(now, TimeSpan.FromTicks(-1))).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(now, -1)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Date("2026-06-09"), -1)).ParamName);
    }

    [Fact]
    public void Missing_holiday_sources_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendar((BankHolidayRules)null!));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendar((IEnumerable<DateOnly>)null!));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendar((Func<int, IEnumerable<DateOnly>>)null!));
    }

    [Fact]
    public void Results_are_in_UTC()
    {
        var arrival = Instant("2026-06-09T10:00:00+01:00");

        Assert.Equal(TimeSpan.Zero, Calendar.NextWorkingStart(arrival).Offset);
        Assert.Equal(TimeSpan.Zero, Calendar.AddWorkingHours(arrival, TimeSpan.FromHours(1)).Offset);
        Assert.Equal(TimeSpan.Zero, Calendar.AddWorkingDays(arrival, 1).Offset);
        Assert.Equal(TimeSpan.Zero, Calendar.EndOfWorkingDay(arrival).Offset);
    }

    internal static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    internal static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // DateTimeOffset equality compares instants only; also insist the calendar answers in UTC.
    private static void AssertSameInstantInUtc(string expected, DateTimeOffset actual)
    {
        Assert.Equal(Instant(expected), actual);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }
}
