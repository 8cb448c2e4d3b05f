using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Web.Features.Shared;

/// <summary>The fields of a GOV.UK date input (and the time beside it), to say which are at fault.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    Time = 8,
    Date = Day | Month | Year,
}

/// <summary>
/// What a day, month and year (and a time) typed into a GOV.UK date input mean: a date, nothing at all, or a problem in
/// the design system's words ("must include a month", "must be a real date") and the fields it is about.
/// </summary>
public readonly record struct DateReading(DateOnly? Date, TimeOnly? Time, string? Problem, DateParts Wrong)
{
    public bool IsValid => Problem is null;

    public static DateReading Refused(string problem, DateParts wrong) => new(null, null, problem, wrong);
}

/// <summary>
/// The day, month, year and (for a date and time) the time as a person typed them. <see cref="Time"/> is null when
/// the form has no time field. Months may be numbers or names ("3", "03", "Mar", "March"); the year has 4 digits;
/// the time is "14:30", "2:30pm", "2pm", "14.30", "midday" or "midnight", in London time like every time entered.
/// </summary>
public sealed partial record DateEntry(string Day, string Month, string Year, string? Time = null)
{
    /// <summary>The example the design system gives for a date input's hint.</summary>
    public const string Example = "For example, 27 3 2007";

    public const string TimeExample = "For example, 14:30 or 2:30pm";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool IsEmpty => Blank(Day) && Blank(Month) && Blank(Year) && Blank(Time);

    public static DateEntry Of(DateOnly date) => new(Number(date.Day), Number(date.Month), Number(date.Year));

    /// <summary>A London local date and time as its fields.</summary>
    public static DateEntry Of(DateTime local) =>
        Of(DateOnly.FromDateTime(local)) with { Time = local.ToString("HH:mm", CultureInfo.InvariantCulture) };

    public DateReading Read()
    {
        if (IsEmpty)
        {
            return new DateReading(null, null, null, DateParts.None);
        }

        var missing = (Blank(Day) ? DateParts.Day : 0) | (Blank(Month) ? DateParts.Month : 0) | (Blank(Year) ? DateParts.Year : 0);
        if (missing == DateParts.Date)
        {
            return DateReading.Refused("must include a date", DateParts.Date);
        }

        if (missing != DateParts.None)
        {
            var names = new[] { (DateParts.Day, "day"), (DateParts.Month, "month"), (DateParts.Year, "year") }
                .Where(p => missing.HasFlag(p.Item1)).Select(p => p.Item2);
            return DateReading.Refused($"must include a {string.Join(" and ", names)}", missing);
        }

        var wrong = DateParts.None;
        if (!int.TryParse(Day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
        {
            wrong |= DateParts.Day;
        }

        if (MonthOf(Month.Trim()) is not { } month)
        {
            wrong |= DateParts.Month;
            month = 0;
        }

        var yearText = Year.Trim();
        if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1000)
        {
            wrong |= DateParts.Year;
            year = 0;
        }

        if (wrong != DateParts.None)
        {
            return DateReading.Refused("must be a real date", wrong);
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return DateReading.Refused("must be a real date", DateParts.Date);
        }

        var date = new DateOnly(year, month, day);
        if (Time is null)
        {
            return new DateReading(date, null, null, DateParts.None);
        }

        if (Blank(Time))
        {
            return DateReading.Refused("must include a time", DateParts.Time);
        }

        return TimeOf(Time.Trim()) is { } time
            ? new DateReading(date, time, null, DateParts.None)
            : DateReading.Refused("must be a real time", DateParts.Time);
    }

    private static int? MonthOf(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }

        if (text.Length < 3)
        {
            return null;
        }

        var names = EnGb.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>"14:30", "14.30", "2:30pm", "2.30 p.m.", "2pm", "12am" (midnight), "midday", "noon" or "midnight".</summary>
    public static TimeOnly? TimeOf(string text)
    {
        switch (text.ToLowerInvariant())
        {
            case "midday" or "noon" or "12 noon":
                return new TimeOnly(12, 0);
            case "midnight":
                return TimeOnly.MinValue;
        }

        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59)
        {
            return null;
        }

        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            var pm = match.Groups["half"].Value.StartsWith('p') || match.Groups["half"].Value.StartsWith('P');
            return new TimeOnly(hour % 12 + (pm ? 12 : 0), minute);
        }

        // Without am or pm the minutes are needed: "9" alone could be morning or evening.
        return match.Groups["minute"].Success && hour <= 23 ? new TimeOnly(hour, minute) : null;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<half>am|pm|a\.m\.|p\.m\.)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
