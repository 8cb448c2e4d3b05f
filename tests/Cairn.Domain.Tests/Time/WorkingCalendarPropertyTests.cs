using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Time;

// Seeded, so a failure repeats. Checks the calendar's answers against one another and against a plain
// day-by-day reading of the London clock done here in the test.
public class WorkingCalendarPropertyTests
{
    private const int Cases = 2_000;

    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Earliest = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2030, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_deadline_in_working_days_is_the_close_of_the_Nth_working_day_after_arrival()
    {
        var random = new Random(20260327);
        for (var i = 0; i < Cases; i++)
        {
            var arrival = RandomInstant(random);
            var days = random.Next(0, 61);

            var due = Calendar.AddWorkingDays(arrival, days);

            var dueLocal = Local(due);
            var arrivalDay = Calendar.IsWithinWorkingHours(arrival)
                ? DateOnly.FromDateTime(Local(arrival).DateTime)
                : DateOnly.FromDateTime(Local(Calendar.NextWorkingStart(arrival)).DateTime);
            var dueDay = DateOnly.FromDateTime(dueLocal.DateTime);
            var because = $"{arrival:O} + {days} working days gave {due:O}";
            Assert.True(TimeOnly.FromDateTime(dueLocal.DateTime) == new TimeOnly(17, 0), because);
            Assert.True(Calendar.IsWorkingDay(dueDay), because);
            Assert.True(Calendar.IsWorkingDay(arrivalDay), because);
            Assert.True(Calendar.WorkingDaysBetween(arrivalDay, dueDay) == days, because);
            Assert.True(due > arrival, because);
            Assert.True(Calendar.EndOfWorkingDay(arrival) == Calendar.AddWorkingDays(arrival, 0), because);
        }
    }

    [Fact]
    public void Adding_working_hours_counts_exactly_the_working_time_on_the_London_clock()
    {
        var random = new Random(20261023);
        for (var i = 0; i < Cases; i++)
        {
            var start = RandomInstant(random);
            var duration = TimeSpan.FromMinutes(random.Next(0, 200 * 60));

            var end = Calendar.AddWorkingHours(start, duration);

            var because = $"{start:O} + {duration} gave {end:O}";
            Assert.True(WorkingTimeBetween(start, end) == duration, because);
            Assert.True(end >= start, because);
            Assert.True(Calendar.IsWithinWorkingHours(end) || IsCloseOfWorkingDay(end), because);
        }
    }

    [Fact]
    public void Working_hours_add_up()
    {
        var random = new Random(20260329);
        for (var i = 0; i < Cases; i++)
        {
            var start = RandomInstant(random);
            var first = TimeSpan.FromMinutes(random.Next(0, 50 * 60));
            var second = TimeSpan.FromMinutes(random.Next(1, 50 * 60));

            var inSteps = Calendar.AddWorkingHours(Calendar.AddWorkingHours(start, first), second);

            Assert.True(inSteps == Calendar.AddWorkingHours(start, first + second), $"{start:O} + {first} + {second}");
        }
    }

    [Fact]
    public void Within_working_hours_matches_the_London_clock()
    {
        var random = new Random(20261025);
        for (var i = 0; i < Cases; i++)
        {
            var instant = RandomInstant(random);
            var local = Local(instant);
            var time = TimeOnly.FromDateTime(local.DateTime);

            var expected = Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime))
                && time >= new TimeOnly(9, 0) && time < new TimeOnly(17, 0);

            Assert.True(expected == Calendar.IsWithinWorkingHours(instant), $"{instant:O} is {local:O} in London");
        }
    }

    [Fact]
    public void Adding_working_days_to_a_date_and_counting_them_agree()
    {
        var random = new Random(15);
        for (var i = 0; i < Cases; i++)
        {
            var date = RandomDate(random);
            var days = random.Next(0, 300);

            var result = Calendar.AddWorkingDays(date, days);

            var because = $"{date:yyyy-MM-dd} + {days} working days gave {result:yyyy-MM-dd}";
            Assert.True(Calendar.WorkingDaysBetween(date, result) == days, because);
            Assert.True(days == 0 ? result == date : Calendar.IsWorkingDay(result), because);
            Assert.True(days == 0 || Calendar.WorkingDaysBetween(date, result.AddDays(-1)) == days - 1, because);
        }
    }

    [Fact]
    public void Working_days_between_matches_counting_day_by_day_and_adds_up()
    {
        var random = new Random(45);
        for (var i = 0; i < Cases; i++)
        {
            var a = RandomDate(random);
            var b = a.AddDays(random.Next(-400, 401));
            var c = b.AddDays(random.Next(-400, 401));

            var because = $"{a:yyyy-MM-dd}, {b:yyyy-MM-dd}, {c:yyyy-MM-dd}";
            Assert.True(Calendar.WorkingDaysBetween(a, b) == CountDayByDay(a, b), because);
            Assert.True(Calendar.WorkingDaysBetween(b, a) == -Calendar.WorkingDaysBetween(a, b), because);
            Assert.True(Calendar.WorkingDaysBetween(a, b) + Calendar.WorkingDaysBetween(b, c) == Calendar.WorkingDaysBetween(a, c), because);
        }
    }

    // A quarter of the instants sit exactly on a whole hour at either edge of the working day, in either
    // season, where off-by-one mistakes live.
    private static DateTimeOffset RandomInstant(Random random)
    {
        var minutes = (long)(Latest - Earliest).TotalMinutes;
        var instant = Earliest.AddMinutes(random.NextInt64(minutes));
        if (random.Next(4) == 0)
        {
            int[] edges = [7, 8, 9, 16, 17, 18];
            instant = new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero).AddHours(edges[random.Next(edges.Length)]);
        }

        return instant;
    }

    private static DateOnly RandomDate(Random random) =>
        DateOnly.FromDateTime(Earliest.UtcDateTime).AddDays(random.Next(0, (int)(Latest - Earliest).TotalDays));

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    private static bool IsCloseOfWorkingDay(DateTimeOffset instant)
    {
        var local = Local(instant);
        return Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && TimeOnly.FromDateTime(local.DateTime) == new TimeOnly(17, 0);
    }

    // Day by day: the overlap of [from, to) with 09:00-17:00 London time on each working day.
    private static TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(Local(from).DateTime); day <= DateOnly.FromDateTime(Local(to).DateTime); day = day.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(day))
            {
                continue;
            }

            var open = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), London);
            var close = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(17, 0)), London);
            var overlapStart = open > from.UtcDateTime ? open : from.UtcDateTime;
            var overlapEnd = close < to.UtcDateTime ? close : to.UtcDateTime;
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    private static int CountDayByDay(DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var day = low.AddDays(1); day <= high; day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return sign * count;
    }
}
