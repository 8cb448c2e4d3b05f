using Cairn.Web.Features.Shared;

namespace Cairn.Web.Tests.Features.Shared;

/// <summary>What a GOV.UK date input's day, month and year (and the time beside it) mean, in the design system's words.</summary>
public sealed class DateEntryTests
{
    [Theory]
    [InlineData("27", "3", "2007", 2007, 3, 27)]
    [InlineData(" 01 ", "03", "2026", 2026, 3, 1)]
    [InlineData("29", "2", "2024", 2024, 2, 29)]
    [InlineData("5", "Mar", "2026", 2026, 3, 5)]
    [InlineData("5", "september", "2026", 2026, 9, 5)]
    [InlineData("5", "Sept", "2026", 2026, 9, 5)]
    public void A_real_date_is_read(string day, string month, string year, int y, int m, int d)
    {
        var reading = new DateEntry(day, month, year).Read();

        Assert.True(reading.IsValid);
        Assert.Equal(new DateOnly(y, m, d), reading.Date);
        Assert.Equal(DateParts.None, reading.Wrong);
    }

    [Fact]
    public void Nothing_typed_is_no_date_and_no_problem()
    {
        var reading = new DateEntry(" ", "", "", "").Read();

        Assert.True(reading.IsValid);
        Assert.Null(reading.Date);
        Assert.Null(reading.Time);
    }

    [Theory]
    [InlineData("27", "", "2007", "must include a month", DateParts.Month)]
    [InlineData("", "3", "2007", "must include a day", DateParts.Day)]
    [InlineData("27", "3", "", "must include a year", DateParts.Year)]
    [InlineData("", "", "2007", "must include a day and month", DateParts.Day | DateParts.Month)]
    [InlineData("27", "", "", "must include a month and year", DateParts.Month | DateParts.Year)]
    [InlineData("31", "2", "2026", "must be a real date", DateParts.Date)]
    [InlineData("29", "2", "2025", "must be a real date", DateParts.Date)]
    [InlineData("1", "13", "2026", "must be a real date", DateParts.Month)]
    [InlineData("32", "1", "2026", "must be a real date", DateParts.Day)]
    [InlineData("0", "1", "2026", "must be a real date", DateParts.Day)]
    [InlineData("1", "1", "26", "must be a real date", DateParts.Year)]
    [InlineData("1", "1", "026", "must be a real date", DateParts.Year)]
    [InlineData("1", "1", "20266", "must be a real date", DateParts.Year)]
    [InlineData("-1", "1", "2026", "must be a real date", DateParts.Day)]
    [InlineData("1st", "Ma", "2026", "must be a real date", DateParts.Day | DateParts.Month)]
    public void A_partial_or_impossible_date_is_a_problem_naming_the_fields(string day, string month, string year, string problem, DateParts wrong)
    {
        var reading = new DateEntry(day, month, year).Read();

        Assert.False(reading.IsValid);
        Assert.Equal(problem, reading.Problem);
        Assert.Equal(wrong, reading.Wrong);
        Assert.Null(reading.Date);
    }

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("14.30", 14, 30)]
    [InlineData("09:05", 9, 5)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("2.30 PM", 14, 30)]
    [InlineData("2pm", 14, 0)]
    [InlineData("9am", 9, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12:15pm", 12, 15)]
    [InlineData("11:59 p.m.", 23, 59)]
    [InlineData("midday", 12, 0)]
    [InlineData("Midnight", 0, 0)]
    [InlineData("00:00", 0, 0)]
    public void A_real_time_is_read(string time, int hour, int minute)
    {
        var reading = new DateEntry("1", "7", "2026", time).Read();

        Assert.True(reading.IsValid, reading.Problem);
        Assert.Equal(new DateOnly(2026, 7, 1), reading.Date);
        Assert.Equal(new TimeOnly(hour, minute), reading.Time);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("14:60")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("9")]
    [InlineData("half past two")]
    [InlineData("14:3")]
    public void An_impossible_time_must_be_a_real_time(string time)
    {
        var reading = new DateEntry("1", "7", "2026", time).Read();

        Assert.Equal("must be a real time", reading.Problem);
        Assert.Equal(DateParts.Time, reading.Wrong);
    }

    [Fact]
    public void A_date_without_its_time_must_include_a_time_and_a_time_without_its_date_must_include_a_date()
    {
        Assert.Equal(("must include a time", DateParts.Time), Problem(new DateEntry("1", "7", "2026", " ")));
        Assert.Equal(("must include a date", DateParts.Date), Problem(new DateEntry("", "", "", "14:30")));
        // The date is checked before the time.
        Assert.Equal(("must include a year", DateParts.Year), Problem(new DateEntry("1", "7", "", "25:00")));

        static (string?, DateParts) Problem(DateEntry entry) => (entry.Read().Problem, entry.Read().Wrong);
    }

    [Fact]
    public void A_value_is_shown_as_the_fields_a_person_types()
    {
        Assert.Equal(new DateEntry("1", "3", "2026"), DateEntry.Of(new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateEntry("27", "11", "2026", "09:05"), DateEntry.Of(new DateTime(2026, 11, 27, 9, 5, 0)));
    }
}
