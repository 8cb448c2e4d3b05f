using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Cairn.Domain.Time;

/// <summary>
/// Working days (Monday to Friday, not a holiday) and working hours (local wall-clock times), for
/// deadline arithmetic. Instants go in as any <see cref="DateTimeOffset"/> and come out in UTC; the
/// calendar reads them in its time zone, so a 09:00 start is 09:00 GMT in winter and 08:00 UTC in summer.
/// Immutable and safe to share.
/// </summary>
/// <remarks>
/// A working period is the half-open interval [start, end) of one working day. An instant at or after
/// the end of a day's hours belongs to the next working day.
/// </remarks>
public sealed class WorkingCalendar
{
    // A calendar with no working day in more than a year is misconfigured; fail rather than search on.
    private const int MaxDaysWithoutWorkingDay = 400;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly Func<int, IEnumerable<DateOnly>> _holidaysInYear;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _holidaysByYear = new();

    /// <summary>A calendar whose holidays come from the bank-holiday rules; by default Europe/London, 09:00-17:00.</summary>
    public WorkingCalendar(BankHolidayRules bankHolidays, WorkingHours? hours = null, TimeZoneInfo? timeZone = null)
        : this(DatesOf(bankHolidays), hours, timeZone)
    {
    }

    /// <summary>A calendar with a fixed set of holidays; every other weekday is a working day.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, WorkingHours? hours = null, TimeZoneInfo? timeZone = null)
        : this(DatesIn(holidays), hours, timeZone)
    {
    }

    /// <summary>
    /// A calendar asking <paramref name="holidaysInYear"/> for each year's holidays when first needed, then
    /// keeping them. The function must return only dates in the year it is given.
    /// </summary>
    public WorkingCalendar(Func<int, IEnumerable<DateOnly>> holidaysInYear, WorkingHours? hours = null, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(holidaysInYear);
        _holidaysInYear = holidaysInYear;
        Hours = hours ?? WorkingHours.Default;
        TimeZone = timeZone ?? London;
    }

    public WorkingHours Hours { get; }

    public TimeZoneInfo TimeZone { get; }

    public bool IsWorkingDay(DateOnly date) =>
        IsWeekday(date) && !HolidaysIn(date.Year).Contains(date);

    public bool IsWithinWorkingHours(DateTimeOffset instant)
    {
        var date = LocalDateOf(instant);
        if (!IsWorkingDay(date))
        {
            return false;
        }

        var period = PeriodOn(date);
        return period.Start <= instant && instant < period.End;
    }

    /// <summary>The instant itself if it is within working hours, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingStart(DateTimeOffset instant)
    {
        var period = PeriodAtOrAfter(instant);
        return instant >= period.Start ? instant.ToUniversalTime() : period.Start;
    }

    /// <summary>
    /// The instant by which <paramref name="duration"/> of working time has passed, counting from
    /// <see cref="NextWorkingStart"/> of <paramref name="start"/>. Time outside working hours and on
    /// non-working days does not count. A span that uses up a day's hours exactly ends at that day's
    /// close (13:00 plus 4 hours is 17:00, not 09:00 next day); a zero span from outside working hours
    /// gives the next working start.
    /// </summary>
    /// <remarks>
    /// Working time is elapsed time: on a day whose working hours contain a clock change the day is an
    /// hour longer or shorter. With hours of 09:00-17:00 in the UK this never happens; the clocks change
    /// on a Sunday at night.
    /// </remarks>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);

        var period = PeriodAtOrAfter(start);
        var cursor = start > period.Start ? start.ToUniversalTime() : period.Start;
        var remaining = duration;
        while (remaining > period.End - cursor)
        {
            remaining -= period.End - cursor;
            period = PeriodOn(NextWorkingDayAfter(period.Date));
            cursor = period.Start;
        }

        return cursor + remaining;
    }

    /// <summary>
    /// The deadline for something due "within <paramref name="days"/> working days" of arriving at
    /// <paramref name="start"/>: the close of working hours on the Nth working day after the day of arrival.
    /// </summary>
    /// <remarks>
    /// <para>Arrival within working hours on working day D: due at the close of the Nth working day after D.
    /// Friday 16:55 with 1 day, before a bank-holiday Monday: due Tuesday at close.</para>
    /// <para>Arrival outside working hours (before opening, at or after close, at a weekend or on a holiday):
    /// treated as arriving at <see cref="NextWorkingStart"/>, so due at the close of the Nth working day
    /// after that day. Friday 17:00 or Saturday with 1 day: due Tuesday at close; Wednesday if Monday is
    /// a bank holiday.</para>
    /// <para>Zero days is the close of the arrival day: the same as <see cref="EndOfWorkingDay"/>.</para>
    /// </remarks>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var arrivalDay = PeriodAtOrAfter(start).Date;
        return PeriodOn(AddWorkingDays(arrivalDay, days)).End;
    }

    /// <summary>
    /// The Nth working day after <paramref name="date"/>, for timescales set in days, such as 15 working days
    /// from a strategy discussion. The date itself never counts, whether or not it is a working day:
    /// 1 working day after a Saturday is the Monday. Zero days returns <paramref name="date"/> unchanged.
    /// Always <c>WorkingDaysBetween(date, result) == days</c>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = date;
        for (var counted = 0; counted < days; counted++)
        {
            result = NextWorkingDayAfter(result);
        }

        return result;
    }

    /// <summary>
    /// The "same working day" deadline: the close of working hours on the working day the instant falls
    /// in, or for an instant outside working hours, the close of the next working day.
    /// </summary>
    public DateTimeOffset EndOfWorkingDay(DateTimeOffset instant) => PeriodAtOrAfter(instant).End;

    /// <summary>
    /// The close of working hours on a date, for something due "by" that day; a date that is not a working day closes with
    /// the next working day.
    /// </summary>
    public DateTimeOffset CloseOf(DateOnly date) => PeriodOn(IsWorkingDay(date) ? date : NextWorkingDayAfter(date)).End;

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier. Friday to the following Monday is 1.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = WeekdaysUpTo(to) - WeekdaysUpTo(from);
        for (var year = from.Year; year <= to.Year; year++)
        {
            count -= HolidaysIn(year).Count(h => h > from && h <= to && IsWeekday(h));
        }

        return count;
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    // Day number 0 is Monday 1 January 0001, so every whole week from then holds five weekdays.
    private static int WeekdaysUpTo(DateOnly date)
    {
        var days = date.DayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }

    private static Func<int, IEnumerable<DateOnly>> DatesOf(BankHolidayRules bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        return year => bankHolidays.ForYear(year).Select(h => h.Date);
    }

    private static Func<int, IEnumerable<DateOnly>> DatesIn(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var byYear = holidays.GroupBy(d => d.Year).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        return year => byYear.TryGetValue(year, out var dates) ? dates : [];
    }

    private FrozenSet<DateOnly> HolidaysIn(int year) =>
        _holidaysByYear.GetOrAdd(year, y =>
        {
            var dates = _holidaysInYear(y).ToFrozenSet();
            if (dates.Any(d => d.Year != y))
            {
                throw new InvalidOperationException($"The holiday source returned dates outside {y} when asked for {y}.");
            }

            return dates;
        });

    private DateOnly LocalDateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private DateOnly NextWorkingDayAfter(DateOnly date)
    {
        for (var candidate = date.AddDays(1); candidate.DayNumber - date.DayNumber <= MaxDaysWithoutWorkingDay; candidate = candidate.AddDays(1))
        {
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No working day in the {MaxDaysWithoutWorkingDay} days after {date:yyyy-MM-dd}.");
    }

    /// <summary>The working period containing the instant, or failing that the next one.</summary>
    private WorkingPeriod PeriodAtOrAfter(DateTimeOffset instant)
    {
        var date = LocalDateOf(instant);
        if (IsWorkingDay(date))
        {
            var period = PeriodOn(date);
            if (instant < period.End)
            {
                return period;
            }
        }

        return PeriodOn(NextWorkingDayAfter(date));
    }

    private WorkingPeriod PeriodOn(DateOnly date) =>
        new(date, ToInstant(date, Hours.Start), ToInstant(date, Hours.End));

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time the clocks skip is read as the same time after
    /// the change (01:30 on a spring-forward night at 01:00 is 02:30 summer time); a time the clocks repeat
    /// is read as its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // The offset before the gap; zones do not change their clocks twice in a day.
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    private readonly record struct WorkingPeriod(DateOnly Date, DateTimeOffset Start, DateTimeOffset End);
}
