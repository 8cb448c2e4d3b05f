using Cairn.Domain.Escalation;
using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// Minutes (L21, L22, L54): written once the meeting is held, incidents kept apart from progress on each outcome, confirmed
/// only by the chair and only with the child's view, the parents' view and a summary for the family; then they cannot change.
/// </summary>
public sealed class MeetingMinutesTests
{
    private static readonly DateTimeOffset Later = At(2026, 11, 25, 10, 0);
    private static readonly Guid Outcome = Guid.NewGuid();

    [Fact]
    public void Minutes_are_written_only_once_the_meeting_is_held()
    {
        var meeting = Conference();

        Assert.Equal(["Status"], Fields(meeting.SaveMinutes(FullMinutes(), ChairPerson, meeting.Version, Later)));
        Assert.Equal(["Status"], Fields(meeting.ConfirmMinutes(ChairPerson, meeting.Version, Later)));
        Assert.Equal(MinutesStatus.NotStarted, meeting.MinutesStatus);
    }

    [Fact]
    public void Saving_keeps_the_text_trimmed_and_the_minutes_as_a_draft()
    {
        var meeting = Held(StartPlan);
        var draft = FullMinutes() with { ChildsView = "  Wants to stay at her school.  ", Discussion = "   " };

        Assert.Null(meeting.SaveMinutes(draft, SocialWorker, meeting.Version, Later));

        Assert.Equal((MinutesStatus.Draft, "Wants to stay at her school.", (string?)null, draft.FamilySummary),
            (meeting.MinutesStatus, meeting.ChildsView, meeting.Discussion, meeting.FamilySummary));
        Assert.Equal((draft.IncidentsSinceLast, draft.ParentsView), (meeting.IncidentsSinceLast, meeting.ParentsView));
        Assert.Equal(MeetingEventKind.MinutesSaved, meeting.Events[^1].Kind);
    }

    [Fact]
    public void An_outcome_counts_as_reviewed_only_with_progress_written_and_the_last_entry_for_an_outcome_stands()
    {
        var meeting = Held(StartPlan);
        var other = Guid.NewGuid();
        var draft = FullMinutes(
            new OutcomeProgress(Outcome, "Safe sleeping", true, "First entry"),
            new OutcomeProgress(other, "School", true, "   "),
            new OutcomeProgress(Outcome, "Safe sleeping", true, " Cot seen in use. "));

        Assert.Null(meeting.SaveMinutes(draft, SocialWorker, meeting.Version, Later));

        Assert.Equal([new OutcomeProgress(Outcome, "Safe sleeping", true, "Cot seen in use."), new OutcomeProgress(other, "School", false, null)],
            meeting.Outcomes);
    }

    [Theory]
    [InlineData("IncidentsSinceLast")]
    [InlineData("ChildsView")]
    [InlineData("ParentsView")]
    [InlineData("Discussion")]
    [InlineData("FamilySummary")]
    public void Each_text_is_at_most_8000_characters(string field)
    {
        var meeting = Held();
        var tooLong = new string('x', Meeting.MaxTextLength + 1);
        var draft = field switch
        {
            "IncidentsSinceLast" => FullMinutes() with { IncidentsSinceLast = tooLong },
            "ChildsView" => FullMinutes() with { ChildsView = tooLong },
            "ParentsView" => FullMinutes() with { ParentsView = tooLong },
            "Discussion" => FullMinutes() with { Discussion = tooLong },
            _ => FullMinutes() with { FamilySummary = tooLong },
        };

        Assert.Equal([field], Fields(meeting.SaveMinutes(draft, SocialWorker, meeting.Version, Later)));
        Assert.Equal(MinutesStatus.NotStarted, meeting.MinutesStatus);
        var longest = FullMinutes() with { Discussion = new string('x', Meeting.MaxTextLength) };
        Assert.Null(meeting.SaveMinutes(longest, SocialWorker, meeting.Version, Later));
    }

    [Fact]
    public void Progress_on_an_outcome_is_at_most_8000_characters()
    {
        var meeting = Held();
        var draft = FullMinutes(new OutcomeProgress(Outcome, "Safe sleeping", true, new string('x', Meeting.MaxTextLength + 1)));

        Assert.Equal(["Outcomes[0].Progress"], Fields(meeting.SaveMinutes(draft, SocialWorker, meeting.Version, Later)));
    }

    [Fact]
    public void Only_the_chair_confirms_the_minutes()
    {
        var meeting = Held();
        Assert.Null(meeting.SaveMinutes(FullMinutes(), SocialWorker, meeting.Version, Later));

        var refusal = meeting.ConfirmMinutes(SocialWorker, meeting.Version, Later);

        Assert.Equal(RefusalKind.NotAllowed, refusal!.Kind);
        Assert.Equal(MinutesStatus.Draft, meeting.MinutesStatus);
    }

    public static TheoryData<MinutesDraft, string[]> Incomplete => new()
    {
        { FullMinutes() with { ChildsView = null }, ["ChildsView"] },
        { FullMinutes() with { ParentsView = " " }, ["ParentsView"] },
        { FullMinutes() with { FamilySummary = null }, ["FamilySummary"] },
        { new MinutesDraft { Discussion = "Only the discussion." }, ["ChildsView", "ParentsView", "FamilySummary"] },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void Minutes_are_confirmed_only_with_the_childs_and_parents_views_and_a_summary_for_the_family_L54(MinutesDraft draft, string[] fields)
    {
        var meeting = Held();
        Assert.Null(meeting.SaveMinutes(draft, SocialWorker, meeting.Version, Later));

        var refusal = meeting.ConfirmMinutes(ChairPerson, meeting.Version, Later);

        Assert.Equal(fields, refusal!.Errors.Select(e => e.Field));
        Assert.Equal(MinutesStatus.Draft, meeting.MinutesStatus);
    }

    [Fact]
    public void Confirmed_minutes_are_sent_stop_the_clock_and_cannot_change()
    {
        var meeting = Held();
        Assert.Null(meeting.SaveMinutes(FullMinutes(), SocialWorker, meeting.Version, Later));

        Assert.Null(meeting.ConfirmMinutes(ChairPerson, meeting.Version, Later));

        Assert.Equal((MinutesStatus.Sent, (ProfessionalId?)ChairPerson, (DateTimeOffset?)Later),
            (meeting.MinutesStatus, meeting.MinutesConfirmedBy, meeting.MinutesSentAt));
        Assert.Null(meeting.NextEscalationAt);
        Assert.Equal(MeetingEventKind.MinutesSent, meeting.Events[^1].Kind);
        Assert.Equal("The minutes have been confirmed and sent: they can no longer change",
            meeting.SaveMinutes(FullMinutes(), ChairPerson, meeting.Version, Later)!.Errors[0].Message);
        Assert.Equal("The minutes have already been confirmed and sent",
            meeting.ConfirmMinutes(ChairPerson, meeting.Version, Later)!.Errors[0].Message);
        Assert.Null(meeting.Sweep(Later.AddMonths(2), EscalationLadder.Default, Calendar));
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var meeting = Held();

        Assert.Equal(RefusalKind.Conflict, meeting.SaveMinutes(FullMinutes(), SocialWorker, meeting.Version - 1, Later)!.Kind);
        Assert.Null(meeting.SaveMinutes(FullMinutes(), SocialWorker, meeting.Version, Later));
        Assert.Equal(RefusalKind.Conflict, meeting.ConfirmMinutes(ChairPerson, meeting.Version - 1, Later)!.Kind);
    }

    [Fact]
    public void Minutes_never_started_escalate_too()
    {
        var meeting = Held();

        var escalation = meeting.Sweep(meeting.MinutesDueAt!.Value.AddMinutes(1), EscalationLadder.Default, Calendar);

        Assert.Equal((true, 1), (escalation!.Minutes, escalation.Level));
    }

    [Fact]
    public void The_minutes_timescale_is_the_areas_own()
    {
        // An area that wants conference minutes within 10 working days: held Monday 23 November 2026, due Monday 7 December.
        var rules = MeetingRules.FromStored(new Dictionary<string, int> { ["InitialChildProtectionConference:MinutesWithin"] = 10 });
        var meeting = Conference();

        Assert.Null(meeting.Hold(ConferenceDue, Independent, Marks(meeting), NoPlan, null, null, a => a == SocialCare,
            d => MeetingSchedule.DueAfter(rules.TypeOf(meeting.Kind).MinutesWithin, d, HeldAt, Calendar), ChairPerson, meeting.Version, HeldAt));

        Assert.Equal(new DateOnly(2026, 12, 7), meeting.MinutesDueOn);
    }
}
