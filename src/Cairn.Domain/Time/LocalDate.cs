namespace Cairn.Domain.Time;

/// <summary>
/// The calendar date in England and Wales at an instant. Rules about "today" (a date must not be in the
/// future, a review is overdue) use this, never the UTC date: between midnight and 01:00 in summer the two differ.
/// </summary>
public static class LocalDate
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly InLondon(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);
}
