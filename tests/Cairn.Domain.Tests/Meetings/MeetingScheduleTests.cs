using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// When meetings fall due (T05–T11, T17): working days on the calendar with bank holidays skipped and the trigger day never
/// counted, calendar days, calendar months, and hours.
/// </summary>
public sealed class MeetingScheduleTests
{
    private static MeetingTimescale WorkingDays(int n) => new(n, TimescaleUnit.WorkingDays, true, "test");

    public static TheoryData<DateOnly, int, DateOnly> WorkingDayCases => new()
    {
        // Friday 28 August 2026, before the summer bank holiday: 1 working day is Tuesday 1 September.
        { new DateOnly(2026, 8, 28), 1, new DateOnly(2026, 9, 1) },
        // A trigger on Saturday: day 1 is Monday, the Saturday itself not counted.
        { new DateOnly(2026, 11, 21), 1, new DateOnly(2026, 11, 23) },
        // A trigger on a bank holiday (Easter Monday 2027): day 1 is the Tuesday.
        { new DateOnly(2027, 3, 29), 1, new DateOnly(2027, 3, 30) },
        // Thursday 24 December 2026: Christmas, the weekend, Boxing Day (substitute, Monday 28) and New Year's Day skipped.
        { new DateOnly(2026, 12, 24), 10, new DateOnly(2027, 1, 12) },
        // Zero working days is the trigger day itself.
        { new DateOnly(2026, 11, 24), 0, new DateOnly(2026, 11, 24) },
    };

    [Theory]
    [MemberData(nameof(WorkingDayCases))]
    public void Working_days_skip_weekends_and_bank_holidays_and_never_count_the_trigger_day(DateOnly from, int days, DateOnly expected)
    {
        var due = MeetingSchedule.DueAfter(WorkingDays(days), from, At(from.Year, from.Month, from.Day, 10, 0), Calendar);

        Assert.Equal(expected, due.DueOn);
        Assert.Equal(At(expected.Year, expected.Month, expected.Day, 17, 0), due.DueAt);
        Assert.Equal(days, Calendar.WorkingDaysBetween(from, due.DueOn));
    }

    [Fact]
    public void The_time_of_the_trigger_does_not_move_a_working_day_due_date()
    {
        var from = new DateOnly(2026, 11, 23);
        var early = MeetingSchedule.DueAfter(WorkingDays(15), from, At(2026, 11, 23, 8, 0), Calendar);
        var late = MeetingSchedule.DueAfter(WorkingDays(15), from, At(2026, 11, 23, 23, 0), Calendar);

        Assert.Equal(early, late);
        Assert.Equal(new DateOnly(2026, 12, 14), early.DueOn);
    }

    [Fact]
    public void Days_are_calendar_days_and_a_due_date_on_a_weekend_becomes_overdue_at_the_close_of_the_next_working_day()
    {
        // 42 days after Monday 23 November 2026 is Monday 4 January 2027.
        var weekday = MeetingSchedule.DueAfter(new MeetingTimescale(42, TimescaleUnit.Days, false, "local"), new DateOnly(2026, 11, 23),
            At(2026, 11, 23, 10, 0), Calendar);
        Assert.Equal((new DateOnly(2027, 1, 4), At(2027, 1, 4, 17, 0)), (weekday.DueOn, weekday.DueAt));

        // 5 days after Monday 24 August 2026 is Saturday 29 August, before the summer bank holiday: overdue after Tuesday's close.
        var weekend = MeetingSchedule.DueAfter(new MeetingTimescale(5, TimescaleUnit.Days, false, "local"), new DateOnly(2026, 8, 24),
            At(2026, 8, 24, 10, 0), Calendar);
        Assert.Equal((new DateOnly(2026, 8, 29), At(2026, 9, 1, 17, 0)), (weekend.DueOn, weekend.DueAt));
    }

    public static TheoryData<DateOnly, int, DateOnly> MonthCases => new()
    {
        { new DateOnly(2026, 11, 23), 3, new DateOnly(2027, 2, 23) },
        // The end of a longer month falls on the last day of a shorter one.
        { new DateOnly(2026, 11, 30), 3, new DateOnly(2027, 2, 28) },
        { new DateOnly(2027, 8, 31), 6, new DateOnly(2028, 2, 29) },
        { new DateOnly(2027, 1, 26), 6, new DateOnly(2027, 7, 26) },
    };

    [Theory]
    [MemberData(nameof(MonthCases))]
    public void Months_are_calendar_months(DateOnly from, int months, DateOnly expected)
    {
        var due = MeetingSchedule.DueAfter(new MeetingTimescale(months, TimescaleUnit.Months, true, "T07"), from, At(2026, 1, 5, 10, 0), Calendar);

        Assert.Equal(expected, due.DueOn);
        Assert.Equal(Calendar.CloseOf(expected), due.DueAt);
    }

    [Fact]
    public void Hours_count_round_the_clock_from_the_moment_of_the_trigger_across_weekends_and_the_clock_change()
    {
        // Placed at 21:00 on Friday 23 October 2026; the clocks go back on Sunday 25 October. 72 hours later is Monday 20:00 GMT.
        var placed = At(2026, 10, 23, 21, 0);
        var due = MeetingSchedule.DueAfter(new MeetingTimescale(72, TimescaleUnit.Hours, false, "T17 (local)"), new DateOnly(2026, 10, 23), placed,
            Calendar);

        Assert.Equal(placed.AddHours(72), due.DueAt);
        Assert.Equal(At(2026, 10, 26, 20, 0), due.DueAt);
        Assert.Equal(new DateOnly(2026, 10, 26), due.DueOn);
    }

    [Fact]
    public void An_hours_due_date_is_the_London_date_of_the_due_moment()
    {
        // Placed at 00:30 London on Sunday 28 June 2026 (23:30 UTC on the 27th): 24 hours later is 00:30 London on Monday 29
        // June, still Sunday the 28th in UTC.
        var placed = At(2026, 6, 28, 0, 30);
        var day = new MeetingTimescale(24, TimescaleUnit.Hours, false, "local");
        var due = MeetingSchedule.DueAfter(day, new DateOnly(2026, 6, 28), placed, Calendar);

        Assert.Equal(new DateOnly(2026, 6, 29), due.DueOn);
    }

    [Fact]
    public void Following_gives_the_looked_after_second_review_then_the_repeats_and_nothing_for_a_one_off()
    {
        var lookedAfter = MeetingTypes.Of(MeetingKind.LookedAfterReview);
        Assert.Equal(lookedAfter.SecondDue, MeetingSchedule.Following(lookedAfter, 1));
        Assert.Equal(lookedAfter.ThenEvery, MeetingSchedule.Following(lookedAfter, 2));
        Assert.Equal(lookedAfter.ThenEvery, MeetingSchedule.Following(lookedAfter, 7));

        var review = MeetingTypes.Of(MeetingKind.ReviewChildProtectionConference);
        Assert.Equal(review.ThenEvery, MeetingSchedule.Following(review, 1));

        var coreGroup = MeetingRules.FromStored(new Dictionary<string, int> { ["CoreGroup:ThenEvery"] = 28 }).TypeOf(MeetingKind.CoreGroup);
        Assert.Equal(new MeetingTimescale(28, TimescaleUnit.Days, false, "local"), MeetingSchedule.Following(coreGroup, 1));

        Assert.Null(MeetingSchedule.Following(MeetingTypes.Of(MeetingKind.InitialChildProtectionConference), 1));
        Assert.Null(MeetingSchedule.Following(MeetingTypes.Of(MeetingKind.PlacementPlanningMeeting), 1));
        Assert.Null(MeetingSchedule.Following(MeetingTypes.Of(MeetingKind.ProfessionalsMeeting), 1));
    }
}
