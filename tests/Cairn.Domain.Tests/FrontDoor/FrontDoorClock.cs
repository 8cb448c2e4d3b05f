using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.FrontDoor;

/// <summary>
/// The calendar the front door tests decide against: England and Wales bank holidays, 09:00-17:00 in London.
/// Dates used: Friday 28 August 2026 comes before the summer bank holiday on Monday 31 August; the week of Monday
/// 23 November 2026 has no holiday; the clocks go back on Sunday 25 October 2026 and forward on Sunday 29 March 2026.
/// </summary>
internal static class FrontDoorClock
{
    public static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A London wall-clock time as a UTC instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    public static HashSet<string> Fields(Refusal? refusal) => refusal is null ? [] : [.. refusal.Errors.Select(e => e.Field)];
}
