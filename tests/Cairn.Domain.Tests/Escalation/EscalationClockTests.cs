using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Escalation;

/// <summary>
/// The clock every overdue item climbs the ladder with. Dates: the week of Monday 23 November 2026 has no bank holiday;
/// Monday 31 August 2026 is the summer bank holiday. Working hours 09:00-17:00 in London.
/// </summary>
public class EscalationClockTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly EscalationLadder Ladder = EscalationLadder.Default;

    // Due at the close of Tuesday 24 November 2026.
    private static readonly DateTimeOffset Due = At(2026, 11, 24, 17, 0);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    [Fact]
    public void A_clock_starts_at_the_foot_of_the_ladder_due_at_the_due_time()
    {
        var clock = EscalationClock.StartingAt(Due);

        Assert.Equal(new EscalationClock(0, Due), clock);
        Assert.False(clock.IsDue(Due.AddTicks(-1)));
        Assert.True(clock.IsDue(Due));
    }

    public static TheoryData<int, int, EscalationAudience, DateTimeOffset?> OneRung => new()
    {
        // From the foot: the first rung, and the second falls due 4 working hours after the due time (Wednesday 13:00).
        { 0, 1, EscalationAudience.SenderAndRecipientManager, At(2026, 11, 25, 13, 0) },
        // The third falls due 8 working hours after the due time: Wednesday's close.
        { 1, 2, EscalationAudience.SafeguardingLead, At(2026, 11, 25, 17, 0) },
        // The top rung: nothing more falls due.
        { 2, 3, EscalationAudience.HeadOfService, null },
    };

    [Theory]
    [MemberData(nameof(OneRung))]
    public void Climbs_exactly_one_rung_per_call_however_late_the_sweep(int level, int climbed, EscalationAudience audience, DateTimeOffset? next)
    {
        // A month late: every rung is overdue, yet one look climbs one rung, so each rung's audience hears of it.
        var now = Due.AddDays(30);

        var climb = new EscalationClock(level, Due).Climb(Due, now, Ladder, Calendar);

        Assert.NotNull(climb);
        Assert.Equal(new EscalationClock(climbed, next), climb.Value.Clock);
        Assert.Equal((climbed, audience), (climb.Value.Step!.Level, climb.Value.Step.Audience));
    }

    public static TheoryData<DateTimeOffset> Nows => new()
    {
        At(2026, 11, 24, 17, 0),
        At(2026, 11, 24, 23, 59),
        At(2026, 11, 27, 9, 0),
        At(2027, 1, 4, 12, 0),
    };

    [Theory]
    [MemberData(nameof(Nows))]
    public void The_next_rung_is_timed_from_the_due_time_not_from_when_the_sweep_looked(DateTimeOffset now)
    {
        var climb = EscalationClock.StartingAt(Due).Climb(Due, now, Ladder, Calendar);

        Assert.Equal(At(2026, 11, 25, 13, 0), climb!.Value.Clock.NextAt);
    }

    public static TheoryData<DateTimeOffset, int, DateTimeOffset?> BankHoliday => new()
    {
        // Due at Friday's close before the summer bank holiday: 4 working hours later is Tuesday 13:00, 8 is Tuesday's close.
        { At(2026, 8, 28, 17, 0), 0, At(2026, 9, 1, 13, 0) },
        { At(2026, 8, 28, 17, 0), 1, At(2026, 9, 1, 17, 0) },
        // Due mid-morning on a working day: 4 working hours later the same afternoon.
        { At(2026, 11, 23, 10, 0), 0, At(2026, 11, 23, 14, 0) },
    };

    [Theory]
    [MemberData(nameof(BankHoliday))]
    public void The_next_rung_counts_working_hours_only(DateTimeOffset due, int level, DateTimeOffset? next)
    {
        var climb = new EscalationClock(level, due).Climb(due, due, Ladder, Calendar);

        Assert.Equal(next, climb!.Value.Clock.NextAt);
    }

    public static TheoryData<int, DateTimeOffset?, DateTimeOffset> NotDue => new()
    {
        // Stopped: dealt with, or at the top.
        { 0, null, At(2027, 1, 4, 12, 0) },
        { 3, null, At(2027, 1, 4, 12, 0) },
        // A tick before the rung falls due.
        { 0, At(2026, 11, 24, 17, 0), At(2026, 11, 24, 16, 59) },
        { 1, At(2026, 11, 25, 13, 0), At(2026, 11, 25, 12, 59) },
    };

    [Theory]
    [MemberData(nameof(NotDue))]
    public void Nothing_happens_before_the_next_rung_falls_due(int level, DateTimeOffset? nextAt, DateTimeOffset now)
    {
        var clock = new EscalationClock(level, nextAt);

        Assert.Null(clock.Climb(Due, now, Ladder, Calendar));
        Assert.Equal(nextAt is { } next && now >= next, clock.IsDue(now));
    }

    public static TheoryData<int, int> AtTheTop => new()
    {
        // Reached the top of this ladder.
        { 3, 3 },
        // Climbed further on a longer ladder than the one the sweep now uses.
        { 5, 5 },
    };

    [Theory]
    [MemberData(nameof(AtTheTop))]
    public void Never_climbs_past_the_top_the_clock_stops_instead(int level, int kept)
    {
        var climb = new EscalationClock(level, Due).Climb(Due, Due.AddDays(1), Ladder, Calendar);

        Assert.Equal(new EscalationClimb(new EscalationClock(kept, null), null), climb);
    }

    [Fact]
    public void Climbing_until_the_top_takes_one_call_per_rung_then_stops()
    {
        var clock = EscalationClock.StartingAt(Due);
        var now = Due.AddDays(60);
        var levels = new List<int>();

        while (clock.Climb(Due, now, Ladder, Calendar) is { } climb)
        {
            clock = climb.Clock;
            if (climb.Step is { } step)
            {
                levels.Add(step.Level);
            }
        }

        Assert.Equal([1, 2, 3], levels);
        Assert.Equal(new EscalationClock(3, null), clock);
    }

    [Fact]
    public void A_ladder_with_gaps_climbs_to_the_next_rung_it_has()
    {
        var ladder = new EscalationLadder(
        [
            new EscalationStep(5, TimeSpan.FromHours(2), EscalationAudience.HeadOfService),
            new EscalationStep(1, TimeSpan.Zero, EscalationAudience.SenderAndRecipientManager),
        ]);

        var first = EscalationClock.StartingAt(Due).Climb(Due, Due, ladder, Calendar)!.Value;
        var second = first.Clock.Climb(Due, first.Clock.NextAt!.Value, ladder, Calendar)!.Value;

        Assert.Equal((1, At(2026, 11, 25, 11, 0)), (first.Step!.Level, first.Clock.NextAt!.Value));
        Assert.Equal(new EscalationClock(5, null), second.Clock);
        Assert.Equal(EscalationAudience.HeadOfService, second.Step!.Audience);
    }

    [Fact]
    public void Stopping_keeps_the_rung_climbed()
    {
        Assert.Equal(new EscalationClock(2, null), new EscalationClock(2, Due).Stopped());
    }
}
