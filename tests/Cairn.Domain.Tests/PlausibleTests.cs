namespace Cairn.Domain.Tests;

/// <summary>The one place Cairn decides what text and dates it believes (issue #17).</summary>
public class PlausibleTests
{
    [Theory]
    [InlineData("Amani Okafor", true)]
    [InlineData("Line one\nline two\tand a tab\r\n", true)]
    [InlineData("\u0645\u06CC\u200C\u0631\u0627", true)] // Persian: a zero-width non-joiner between two letters
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", true)] // an emoji family joined by zero-width joiners
    [InlineData("\u05E9\u05DC\u05D5\u05DD\u200F", true)] // Hebrew with a right-to-left mark
    [InlineData("Ama\u0000ni", false)]
    [InlineData("Ama\u0007ni", false)]
    [InlineData("Ama\u0085ni", false)]
    [InlineData("abc\u202Edef", false)]
    [InlineData("abc\u2066def\u2069", false)]
    [InlineData("Ama\u200Bni", false)]
    [InlineData("\u200CAmani", false)]
    [InlineData("Amani\u200D", false)]
    [InlineData("Ama \u200D ni", false)]
    [InlineData("Ama\u2060ni", false)]
    [InlineData("\uFEFFAmani", false)]
    [InlineData("Ama\u00ADni", false)]
    public void Text_is_refused_only_for_control_override_and_stray_hidden_characters(string text, bool plausible) =>
        Assert.Equal(plausible, Plausible.Text(text, "The name") is null);

    [Fact]
    public void Text_longer_than_its_limit_is_refused_with_the_limit()
    {
        Assert.Null(Plausible.Text(new string('x', 4000), "The note", 4000));
        Assert.Equal("The note must be 4,000 characters or fewer", Plausible.Text(new string('x', 4001), "The note", 4000));
    }

    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(1900, 1, 1, false)]
    [InlineData(1949, 12, 31, false)]
    [InlineData(1950, 1, 1, true)]
    [InlineData(2020, 5, 5, true)]
    public void Dates_before_the_floor_are_refused(int year, int month, int day, bool plausible) =>
        Assert.Equal(plausible, Plausible.TooEarly(new DateOnly(year, month, day), "The date") is null);

    [Fact]
    public void Something_received_is_plausible_for_twelve_months_back_and_no_further()
    {
        var now = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        Assert.Null(Plausible.NotRecentlyReceived(now.AddMonths(-12), now, "The time"));
        Assert.NotNull(Plausible.NotRecentlyReceived(now.AddMonths(-12).AddMinutes(-1), now, "The time"));
        Assert.NotNull(Plausible.NotRecentlyReceived(DateTimeOffset.MinValue, now, "The time"));
    }

    [Fact]
    public void A_calendar_date_more_than_the_years_ahead_is_refused()
    {
        var today = new DateOnly(2026, 12, 7);

        Assert.Null(Plausible.TooFarAhead(today.AddYears(3), today, 3, "The date"));
        Assert.NotNull(Plausible.TooFarAhead(today.AddYears(3).AddDays(1), today, 3, "The date"));
        Assert.NotNull(Plausible.TooFarAhead(DateOnly.MaxValue, today, 3, "The date"));
    }
}
