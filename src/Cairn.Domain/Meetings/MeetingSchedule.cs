using Cairn.Domain.Time;

namespace Cairn.Domain.Meetings;

/// <summary>When a meeting falls due: the date, and the moment its escalation clock starts.</summary>
/// <param name="DueOn">The last day it may be held on.</param>
/// <param name="DueAt">
/// When it becomes overdue: the close of working hours on <paramref name="DueOn"/>, or the exact hour for an hours timescale.
/// </param>
public readonly record struct MeetingDue(DateOnly DueOn, DateTimeOffset DueAt);

/// <summary>
/// Works out when statutory meetings fall due (T05–T11, T17): working days on the area's calendar (bank holidays skipped, the
/// trigger day itself never counted), calendar months, days, or hours.
/// </summary>
public static class MeetingSchedule
{
    /// <summary>The due date <paramref name="timescale"/> after a trigger on <paramref name="from"/> (at <paramref name="at"/> for hours).</summary>
    public static MeetingDue DueAfter(MeetingTimescale timescale, DateOnly from, DateTimeOffset at, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(timescale);
        ArgumentNullException.ThrowIfNull(calendar);
        switch (timescale.Unit)
        {
            case TimescaleUnit.Hours:
                var dueAt = at.AddHours(timescale.Amount);
                return new MeetingDue(dueAt.InLondon(), dueAt);
            case TimescaleUnit.WorkingDays:
                var workingDay = calendar.AddWorkingDays(from, timescale.Amount);
                return new MeetingDue(workingDay, calendar.CloseOf(workingDay));
            case TimescaleUnit.Days:
                var day = from.AddDays(timescale.Amount);
                return new MeetingDue(day, calendar.CloseOf(day));
            default:
                var month = from.AddMonths(timescale.Amount);
                return new MeetingDue(month, calendar.CloseOf(month));
        }
    }

    /// <summary>
    /// The timescale of the meeting that follows number <paramref name="heldNumber"/> of the same kind (a looked-after child's
    /// second review is 3 months after the first, later ones 6); null when the kind does not repeat.
    /// </summary>
    public static MeetingTimescale? Following(MeetingTypeInfo type, int heldNumber)
    {
        ArgumentNullException.ThrowIfNull(type);
        return heldNumber == 1 && type.SecondDue is { } second ? second : type.ThenEvery;
    }
}
