using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Cairn.Domain.Time;

/// <summary>
/// The standing rules for bank holidays in England and Wales, plus the announced adjustments to them.
/// Immutable; safe to share.
/// </summary>
public sealed class BankHolidayRules
{
    /// <summary>The first year of the present pattern: the Early May bank holiday began in 1978.</summary>
    public const int FirstYear = 1978;

    public const int LastYear = 9999;

    private const string NewYearsDay = "New Year's Day";
    private const string GoodFriday = "Good Friday";
    private const string EasterMonday = "Easter Monday";
    private const string EarlyMay = "Early May bank holiday";
    private const string Spring = "Spring bank holiday";
    private const string Summer = "Summer bank holiday";
    private const string ChristmasDay = "Christmas Day";
    private const string BoxingDay = "Boxing Day";
    private const string Substitute = " (substitute day)";

    // Years touched by an adjustment are worked out once, up front, so a bad entry fails where the
    // list is loaded rather than on the day someone's deadline falls in that year.
    private readonly FrozenDictionary<int, ReadOnlyCollection<BankHoliday>> _adjustedYears;

    public BankHolidayRules(IEnumerable<BankHolidayAdjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);

        // Exact repeats are harmless: the seed list and the administrator's copy of it may overlap.
        var distinct = adjustments.Distinct().OrderBy(a => a.Date).ToArray();
        foreach (var adjustment in distinct)
        {
            if (adjustment.Date.Year is < FirstYear or > LastYear)
            {
                throw new ArgumentException(
                    $"The adjustment on {adjustment.Date:yyyy-MM-dd} is outside {FirstYear}-{LastYear}.",
                    nameof(adjustments));
            }
        }

        Adjustments = distinct.AsReadOnly();
        _adjustedYears = distinct
            .GroupBy(a => a.Date.Year)
            .ToFrozenDictionary(g => g.Key, g => Adjust(StandingRules(g.Key), g));
    }

    public IReadOnlyList<BankHolidayAdjustment> Adjustments { get; }

    /// <summary>The bank holidays observed in <paramref name="year"/>, in date order.</summary>
    public IReadOnlyList<BankHoliday> ForYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        return _adjustedYears.TryGetValue(year, out var adjusted) ? adjusted : StandingRules(year).AsReadOnly();
    }

    /// <summary>
    /// Easter Sunday in the Gregorian calendar, by the anonymous algorithm given by Meeus
    /// (Jones 1876, Butcher 1877). Exact for every year from 1583, the first whole Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);

        // Named as in Meeus, Astronomical Algorithms, ch. 8, so each line can be checked against it.
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    private static List<BankHoliday> StandingRules(int year)
    {
        var holidays = new List<BankHoliday>(8);

        var newYear = new DateOnly(year, 1, 1);
        holidays.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => new(newYear.AddDays(2), NewYearsDay + Substitute),
            DayOfWeek.Sunday => new(newYear.AddDays(1), NewYearsDay + Substitute),
            _ => new(newYear, NewYearsDay),
        });

        var easter = EasterSunday(year);
        holidays.Add(new(easter.AddDays(-2), GoodFriday));
        holidays.Add(new(easter.AddDays(1), EasterMonday));

        holidays.Add(new(FirstMonday(year, 5), EarlyMay));
        holidays.Add(new(LastMonday(year, 5), Spring));
        holidays.Add(new(LastMonday(year, 8), Summer));

        // When either day falls at a weekend, the substitutes take the next weekdays not already holidays.
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                holidays.Add(new(christmas, ChristmasDay));
                holidays.Add(new(christmas.AddDays(3), BoxingDay + Substitute));
                break;
            case DayOfWeek.Saturday:
                holidays.Add(new(christmas.AddDays(2), ChristmasDay + Substitute));
                holidays.Add(new(christmas.AddDays(3), BoxingDay + Substitute));
                break;
            case DayOfWeek.Sunday:
                holidays.Add(new(christmas.AddDays(1), BoxingDay));
                holidays.Add(new(christmas.AddDays(2), ChristmasDay + Substitute));
                break;
            default:
                holidays.Add(new(christmas, ChristmasDay));
                holidays.Add(new(christmas.AddDays(1), BoxingDay));
                break;
        }

        return holidays;
    }

    private static ReadOnlyCollection<BankHoliday> Adjust(List<BankHoliday> holidays, IEnumerable<BankHolidayAdjustment> adjustments)
    {
        // Take every moved day out before putting any back, so the order of the list cannot matter.
        var arrivals = new List<BankHoliday>();
        foreach (var move in adjustments.Where(a => a.Kind == BankHolidayAdjustmentKind.Moved))
        {
            var index = holidays.FindIndex(h => h.Date == move.MovedFrom);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"{move.MovedFrom:yyyy-MM-dd} is not a standing-rule bank holiday (or is moved twice), so it cannot be moved.",
                    nameof(adjustments));
            }

            arrivals.Add(new(move.Date, move.Name ?? holidays[index].Name));
            holidays.RemoveAt(index);
        }

        arrivals.AddRange(adjustments
            .Where(a => a.Kind == BankHolidayAdjustmentKind.Additional)
            .Select(a => new BankHoliday(a.Date, a.Name!)));

        foreach (var arrival in arrivals)
        {
            if (holidays.Exists(h => h.Date == arrival.Date))
            {
                throw new ArgumentException(
                    $"{arrival.Date:yyyy-MM-dd} would be two bank holidays at once.",
                    nameof(adjustments));
            }

            holidays.Add(arrival);
        }

        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays.AsReadOnly();
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
