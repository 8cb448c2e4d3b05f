using Cairn.Domain.Time;
using static Cairn.Domain.Tests.Time.WorkingCalendarTests;

namespace Cairn.Domain.Tests.Time;

// UK clocks change at night on a Sunday, so with UK hours no working period ever meets a change. These
// use a made-up zone whose clocks change on Wednesdays in the early morning, inside working hours that
// start at 01:30, to pin down how skipped and repeated wall-clock times are read.
public class WorkingCalendarTimeZoneTests
{
    // Base offset zero; one hour forward at 01:00 on 4 March, back at 02:00 on 7 October (Wednesdays in 2026).
    private static readonly TimeZoneInfo WednesdayClocks = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Wednesday-clocks",
        TimeSpan.Zero,
        "Wednesday clocks",
        "Wednesday standard time",
        "Wednesday summer time",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1),
                new DateTime(2099, 12, 31),
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 4),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 7)),
        ]);

    private static readonly WorkingCalendar Calendar =
        new([], new WorkingHours(new TimeOnly(1, 30), new TimeOnly(9, 0)), WednesdayClocks);

    [Fact]
    public void A_start_time_the_clocks_skip_is_read_as_the_same_time_after_the_change()
    {
        // 01:30 does not happen on 4 March; 02:30 summer time (01:30 UTC) is when the day's work starts.
        AssertInstant("2026-03-04T01:30:00Z", Calendar.NextWorkingStart(Instant("2026-03-03T23:00:00Z")));
        Assert.False(Calendar.IsWithinWorkingHours(Instant("2026-03-04T01:29:59Z")));
        Assert.True(Calendar.IsWithinWorkingHours(Instant("2026-03-04T01:30:00Z")));
        Assert.False(Calendar.IsWithinWorkingHours(Instant("2026-03-04T08:00:00Z")));
    }

    [Fact]
    public void A_day_the_clocks_go_forward_has_less_working_time()
    {
        // 01:30 UTC to 08:00 UTC (09:00 summer time) is six and a half hours.
        AssertInstant("2026-03-04T08:00:00Z", Calendar.AddWorkingHours(Instant("2026-03-04T01:30:00Z"), TimeSpan.FromHours(6.5)));
        AssertInstant("2026-03-05T01:00:00Z", Calendar.AddWorkingHours(Instant("2026-03-04T01:30:00Z"), TimeSpan.FromHours(7)));
    }

    [Fact]
    public void A_start_time_the_clocks_repeat_is_read_as_its_first_occurrence()
    {
        // 01:30 happens twice on 7 October; the first is 00:30 UTC, still in summer time.
        AssertInstant("2026-10-07T00:30:00Z", Calendar.NextWorkingStart(Instant("2026-10-06T23:00:00Z")));
        Assert.True(Calendar.IsWithinWorkingHours(Instant("2026-10-07T00:30:00Z")));
        Assert.True(Calendar.IsWithinWorkingHours(Instant("2026-10-07T08:59:59Z")));
        AssertInstant("2026-10-07T09:00:00Z", Calendar.EndOfWorkingDay(Instant("2026-10-07T00:00:00Z")));
    }

    [Fact]
    public void A_day_the_clocks_go_back_has_more_working_time()
    {
        AssertInstant("2026-10-07T09:00:00Z", Calendar.AddWorkingHours(Instant("2026-10-07T00:30:00Z"), TimeSpan.FromHours(8.5)));
        AssertInstant("2026-10-08T02:00:00Z", Calendar.AddWorkingHours(Instant("2026-10-07T00:30:00Z"), TimeSpan.FromHours(9)));
    }

    private static void AssertInstant(string expected, DateTimeOffset actual) => Assert.Equal(Instant(expected), actual);
}
