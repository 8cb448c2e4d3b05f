using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>Keeping the long view (L22): an outcome of the plan not reviewed at the last two meetings with minutes is flagged.</summary>
public sealed class OutcomeReviewGapsTests
{
    private static readonly (Guid Key, string Title) SafeSleep = (Guid.NewGuid(), "Safe sleeping");
    private static readonly (Guid Key, string Title) School = (Guid.NewGuid(), "Attends school every day");
    private static readonly (Guid Key, string Title)[] Outcomes = [SafeSleep, School];

    /// <summary>A core group held on <paramref name="day"/> (November 2026) whose minutes reviewed <paramref name="reviewed"/>.</summary>
    private static Meeting CoreGroup(int day, bool withMinutes = true, params (Guid Key, string Title)[] reviewed) =>
        CoreGroupHeld(At(2026, 11, day, 10, 0), withMinutes, reviewed);

    [Fact]
    public void An_outcome_not_reviewed_at_the_last_two_meetings_is_flagged()
    {
        var gaps = OutcomeReviewGaps.Find([CoreGroup(10, true, School), CoreGroup(17, true, School)], Outcomes);

        Assert.Equal([new UnreviewedOutcome(SafeSleep.Key, SafeSleep.Title, 2)], gaps);
    }

    [Fact]
    public void An_outcome_skipped_once_is_not_flagged()
    {
        Assert.Empty(OutcomeReviewGaps.Find([CoreGroup(10, true, SafeSleep, School), CoreGroup(17, true, School)], Outcomes));
        Assert.Empty(OutcomeReviewGaps.Find([CoreGroup(10, true, School), CoreGroup(17, true, SafeSleep, School)], Outcomes));
    }

    [Fact]
    public void Only_the_last_two_meetings_count_in_whatever_order_they_come()
    {
        var oldest = CoreGroup(3, true, SafeSleep, School);
        var middle = CoreGroup(10, true, School);
        var latest = CoreGroup(17, true, School);

        Assert.Equal([SafeSleep.Key], OutcomeReviewGaps.Find([latest, oldest, middle], Outcomes).Select(g => g.SectionKey));
    }

    [Fact]
    public void Fewer_than_two_meetings_with_minutes_flag_nothing()
    {
        Assert.Empty(OutcomeReviewGaps.Find([], Outcomes));
        Assert.Empty(OutcomeReviewGaps.Find([CoreGroup(10)], Outcomes));
        // A meeting without minutes, and one not yet held, do not count.
        Assert.Empty(OutcomeReviewGaps.Find([CoreGroup(10), CoreGroup(17, withMinutes: false), Scheduled(MeetingKind.CoreGroup)], Outcomes));
    }

    [Fact]
    public void A_meeting_without_minutes_is_passed_over_for_the_one_before()
    {
        var gaps = OutcomeReviewGaps.Find([CoreGroup(3, true, School), CoreGroup(10, true, School), CoreGroup(17, withMinutes: false)], Outcomes);

        Assert.Equal([SafeSleep.Key], gaps.Select(g => g.SectionKey));
    }

    [Fact]
    public void An_outcome_listed_without_progress_was_not_reviewed()
    {
        var first = CoreGroup(10, true, School);
        var second = CoreGroup(17, true, School);
        Assert.Null(second.SaveMinutes(FullMinutes(new OutcomeProgress(SafeSleep.Key, SafeSleep.Title, true, " "),
            new OutcomeProgress(School.Key, School.Title, true, "Good attendance")), ChairPerson, second.Version, At(2026, 11, 17, 12, 0)));

        Assert.Equal([SafeSleep.Key], OutcomeReviewGaps.Find([first, second], Outcomes).Select(g => g.SectionKey));
    }

    [Fact]
    public void An_outcome_added_to_the_plan_is_flagged_once_two_meetings_pass_it_by()
    {
        var newOutcome = (Key: Guid.NewGuid(), Title: "Family time with father");
        Meeting[] meetings = [CoreGroup(10, true, SafeSleep, School), CoreGroup(17, true, SafeSleep, School)];

        var gaps = OutcomeReviewGaps.Find(meetings, [.. Outcomes, newOutcome]);

        Assert.Equal([new UnreviewedOutcome(newOutcome.Key, newOutcome.Title, 2)], gaps);
    }
}
