using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Escalation;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// The scenario of issue #14 at domain level (L16, L21, L22, L54): a section 47 enquiry substantiated just before a bank
/// holiday, the initial conference's due date, escalation while it is not held, holding it, the meetings it makes due,
/// the looked-after child's reviews, unconfirmed minutes, and outcomes the meetings forget.
/// Bank holidays used: Good Friday 26 and Easter Monday 29 March 2027; the spring bank holiday, Monday 31 May 2027.
/// </summary>
public sealed class ConferenceScenarioTests
{
    private static readonly EscalationLadder Ladder = EscalationLadder.Default;

    private static Section47Enquiry SubstantiatedEnquiry(DateTimeOffset discussionAt, DateOnly substantiatedOn)
    {
        var discussion = StrategyDiscussion.Require(Child, ContactId.New(), discussionAt.AddHours(-2), Calendar);
        StrategyAttendee[] attendees =
        [
            new("A Social Worker", AgencyKind.ChildrensSocialCare, "Social worker", SocialWorker),
            new("DC Example", AgencyKind.Police, "Detective constable", null),
            new("Dr Example", AgencyKind.GeneralPractice, "GP", null),
        ];
        Assert.Null(discussion.Record(discussionAt, true, attendees, true, "Section 47 enquiry: joint visit today with the police.", SocialWorker,
            discussion.Version, discussionAt.AddMinutes(30)));
        var enquiry = Section47Enquiry.Start(discussion, false, SocialWorker, true, "Joint visit", "Medical", SocialWorker, discussionAt.AddHours(1))
            .Value!;
        var outcomeAt = At(substantiatedOn.Year, substantiatedOn.Month, substantiatedOn.Day, 16, 0);
        Assert.Null(enquiry.RecordOutcome(Section47Outcome.SubstantiatedAtContinuingRisk, substantiatedOn,
            "The medical found injuries consistent with the account; the risk at home continues.", substantiatedOn, SocialWorker,
            enquiry.Version, outcomeAt));
        return enquiry;
    }

    public static TheoryData<DateTimeOffset, DateOnly, DateOnly> BeforeABankHoliday => new()
    {
        // Discussion Monday 22 March 2027, substantiated Thursday 25 (before Good Friday): counted from the discussion, the
        // Easter holidays skipped, the 15th working day is Wednesday 14 April (from the Thursday it would be Monday 19).
        { At(2027, 3, 22, 11, 0), new DateOnly(2027, 3, 25), new DateOnly(2027, 4, 14) },
        // Discussion and substantiation on Thursday 25 March 2027: Thursday itself does not count, nor do Good Friday, the
        // weekend or Easter Monday, so day 1 is Tuesday 30 March and day 15 is Monday 19 April.
        { At(2027, 3, 25, 10, 0), new DateOnly(2027, 3, 25), new DateOnly(2027, 4, 19) },
        // Discussion and substantiation on Thursday 27 May 2027: day 1 is Friday 28 May, the spring bank holiday on Monday 31
        // is skipped, and day 15 is Friday 18 June.
        { At(2027, 5, 27, 10, 0), new DateOnly(2027, 5, 27), new DateOnly(2027, 6, 18) },
    };

    [Theory]
    [MemberData(nameof(BeforeABankHoliday))]
    public void An_initial_conference_is_due_15_working_days_after_the_strategy_discussion_that_began_the_enquiry_T05(
        DateTimeOffset discussionAt, DateOnly substantiatedOn, DateOnly expected)
    {
        var enquiry = SubstantiatedEnquiry(discussionAt, substantiatedOn);
        var type = MeetingRules.Default.TypeOf(MeetingKind.InitialChildProtectionConference);

        var due = MeetingSchedule.DueAfter(type.FirstDue!, enquiry.StartedOn, discussionAt, Calendar);

        Assert.True(enquiry.ConferenceRequired);
        Assert.Equal(MeetingTrigger.Section47Enquiry, type.Trigger);
        Assert.Equal(expected, due.DueOn);
        Assert.Equal(At(expected.Year, expected.Month, expected.Day, 17, 0), due.DueAt);
        Assert.Equal(15, Calendar.WorkingDaysBetween(enquiry.StartedOn, due.DueOn));

        var meeting = Meeting.Schedule(Child, MeetingKind.InitialChildProtectionConference, 1, type.Trigger, enquiry.Id.Value, enquiry.StartedOn, due,
            SocialWorker, null, discussionAt.AddDays(3));
        Assert.Equal((expected, due.DueAt, MeetingStatus.Scheduled), (meeting.DueOn, meeting.DueAt, meeting.Status));
        Assert.Equal(new EscalationClock(0, due.DueAt), meeting.Escalation);
    }

    [Fact]
    public void A_conference_not_held_climbs_one_rung_per_sweep_and_never_twice_at_the_same_time()
    {
        // Due by the close of Monday 23 November 2026.
        var meeting = Scheduled();
        Assert.Equal((ConferenceDue, At(2026, 11, 23, 17, 0)), (meeting.DueOn, meeting.DueAt));

        Assert.Null(meeting.Sweep(At(2026, 11, 23, 16, 59), Ladder, Calendar));
        Assert.False(meeting.IsOverdue(At(2026, 11, 23, 17, 0)));
        Assert.True(meeting.IsOverdue(At(2026, 11, 23, 17, 1)));

        var first = meeting.Sweep(At(2026, 11, 23, 17, 1), Ladder, Calendar);
        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager, false, ConferenceDue, SocialWorker),
            (first!.Level, first.Audience, first.Minutes, first.DueOn, first.Owner));

        // The same sweep again, or before the next rung falls due (4 working hours after the due time: Tuesday 13:00), does nothing.
        Assert.Null(meeting.Sweep(At(2026, 11, 23, 17, 1), Ladder, Calendar));
        Assert.Null(meeting.Sweep(At(2026, 11, 24, 12, 59), Ladder, Calendar));
        Assert.Equal(1, meeting.EscalationLevel);

        // A sweep days late, when rungs 2 and 3 are both due, climbs only rung 2; the next sweep climbs rung 3, and at the top
        // of the ladder nothing more happens however often the sweep looks.
        var late = At(2026, 12, 4, 10, 0);
        Assert.Equal(2, meeting.Sweep(late, Ladder, Calendar)!.Level);
        Assert.Equal(2, meeting.EscalationLevel);
        var top = meeting.Sweep(late.AddMinutes(5), Ladder, Calendar);
        Assert.Equal((3, EscalationAudience.HeadOfService), (top!.Level, top.Audience));
        Assert.Null(meeting.Sweep(late.AddMinutes(5), Ladder, Calendar));
        Assert.Null(meeting.Sweep(late.AddDays(30), Ladder, Calendar));

        Assert.Equal(3, meeting.EscalationLevel);
        Assert.Null(meeting.NextEscalationAt);
        Assert.Equal(["level 1", "level 2", "level 3"], meeting.Events.Where(e => e.Kind == MeetingEventKind.Escalated).Select(e => e.Note));
    }

    [Fact]
    public void A_sweep_a_month_late_climbs_only_the_first_rung()
    {
        var meeting = Scheduled();

        var escalation = meeting.Sweep(At(2026, 12, 23, 10, 0), Ladder, Calendar);

        Assert.Equal(1, escalation!.Level);
        Assert.Equal(1, meeting.EscalationLevel);
        Assert.Equal(At(2026, 11, 24, 13, 0), meeting.NextEscalationAt);
    }

    [Fact]
    public void A_conference_held_without_a_required_agency_is_refused_without_a_reason_and_accepted_with_one()
    {
        var meeting = Conference(MeetingRole.Police);
        Assert.Equal([MeetingRole.Police], meeting.MissingRoles(meeting.Type));

        var refused = Hold(meeting);

        Assert.Equal(["MissingRolesReason"], Fields(refused));
        Assert.Contains("police", refused!.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);

        Assert.Equal(["MissingRolesReason"], Fields(Hold(meeting, missingRolesReason: "Too short")));

        const string reason = "The police officer was called to an emergency and sent a written report.";
        Assert.Null(Hold(meeting, missingRolesReason: reason));
        Assert.Equal((MeetingStatus.Held, reason, ConferenceDue), (meeting.Status, meeting.MissingRolesReason, meeting.HeldOn));
    }

    [Fact]
    public void A_conference_that_starts_a_plan_makes_the_core_group_due_in_10_working_days_and_the_review_in_3_months_T06_T07()
    {
        var conference = Held(StartPlan);
        Assert.Equal((PlanDecision.StartChildProtectionPlan, SocialWorker), (conference.PlanDecision, conference.LeadPractitionerId));

        var held = conference.HeldOn!.Value;
        var coreGroup = MeetingRules.Default.TypeOf(MeetingKind.CoreGroup);
        var review = MeetingRules.Default.TypeOf(MeetingKind.ReviewChildProtectionConference);
        var coreGroupDue = MeetingSchedule.DueAfter(coreGroup.FirstDue!, held, HeldAt, Calendar);
        var reviewDue = MeetingSchedule.DueAfter(review.FirstDue!, held, HeldAt, Calendar);

        // Held Monday 23 November 2026: 10 working days is Monday 7 December; 3 months is Tuesday 23 February 2027.
        Assert.Equal((MeetingTrigger.PreviousMeeting, MeetingTrigger.PreviousMeeting), (coreGroup.Trigger, review.Trigger));
        Assert.Equal(new DateOnly(2026, 12, 7), coreGroupDue.DueOn);
        Assert.Equal(At(2026, 12, 7, 17, 0), coreGroupDue.DueAt);
        Assert.Equal(new DateOnly(2027, 2, 23), reviewDue.DueOn);
        Assert.Equal(At(2027, 2, 23, 17, 0), reviewDue.DueAt);

        // Later reviews are every 6 months (T08).
        var next = MeetingSchedule.Following(review, 1)!;
        Assert.Equal(new DateOnly(2027, 8, 23), MeetingSchedule.DueAfter(next, reviewDue.DueOn, HeldAt, Calendar).DueOn);
    }

    [Fact]
    public void A_looked_after_child_is_reviewed_at_20_working_days_then_3_months_then_every_6_months_T09_T10_T11()
    {
        var type = MeetingRules.Default.TypeOf(MeetingKind.LookedAfterReview);
        // Became looked after on Thursday 25 March 2027, before Easter: day 1 is Tuesday 30 March, day 20 is Monday 26 April.
        var lookedAfter = new DateOnly(2027, 3, 25);

        var first = MeetingSchedule.DueAfter(type.FirstDue!, lookedAfter, At(2027, 3, 25, 15, 0), Calendar);
        var second = MeetingSchedule.DueAfter(MeetingSchedule.Following(type, 1)!, first.DueOn, At(2027, 4, 26, 12, 0), Calendar);
        var third = MeetingSchedule.DueAfter(MeetingSchedule.Following(type, 2)!, second.DueOn, At(2027, 7, 26, 12, 0), Calendar);
        var fourth = MeetingSchedule.DueAfter(MeetingSchedule.Following(type, 3)!, third.DueOn, At(2028, 1, 26, 12, 0), Calendar);

        Assert.Equal(new DateOnly(2027, 4, 26), first.DueOn);
        Assert.Equal(new DateOnly(2027, 7, 26), second.DueOn);
        Assert.Equal(new DateOnly(2028, 1, 26), third.DueOn);
        Assert.Equal(new DateOnly(2028, 7, 26), fourth.DueOn);
        Assert.Equal(("T09", "T10", "T11"),
            (type.FirstDue!.Source, MeetingSchedule.Following(type, 1)!.Source, MeetingSchedule.Following(type, 2)!.Source));
    }

    [Fact]
    public void Minutes_not_confirmed_climb_the_ladder_after_their_due_date()
    {
        var meeting = Held(StartPlan);
        // Held Monday 23 November 2026; conference minutes within 20 working days: by the close of Monday 21 December.
        Assert.Equal((new DateOnly(2026, 12, 21), At(2026, 12, 21, 17, 0)), (meeting.MinutesDueOn, meeting.MinutesDueAt));
        Assert.Null(meeting.SaveMinutes(FullMinutes(), ChairPerson, meeting.Version, At(2026, 11, 24, 10, 0)));

        Assert.Null(meeting.Sweep(At(2026, 12, 21, 16, 59), Ladder, Calendar));
        Assert.False(meeting.MinutesOverdue(At(2026, 12, 21, 17, 0)));

        var escalation = meeting.Sweep(At(2026, 12, 22, 9, 0), Ladder, Calendar);

        Assert.True(meeting.MinutesOverdue(At(2026, 12, 22, 9, 0)));
        Assert.Equal((true, 1, new DateOnly(2026, 12, 21)), (escalation!.Minutes, escalation.Level, escalation.DueOn));
        Assert.Null(meeting.Sweep(At(2026, 12, 22, 9, 0), Ladder, Calendar));
        Assert.Equal("minutes level 1", meeting.Events.Last(e => e.Kind == MeetingEventKind.Escalated).Note);

        // Confirmed and sent, they escalate no further.
        Assert.Null(meeting.ConfirmMinutes(ChairPerson, meeting.Version, At(2026, 12, 22, 10, 0)));
        Assert.Null(meeting.Sweep(At(2026, 12, 30, 10, 0), Ladder, Calendar));
        Assert.False(meeting.MinutesOverdue(At(2026, 12, 30, 10, 0)));
        Assert.Equal(1, meeting.EscalationLevel);
    }

    [Fact]
    public void A_conference_escalated_while_late_starts_the_minutes_at_the_foot_of_the_ladder_once_held()
    {
        var meeting = Conference();
        Assert.Equal(1, meeting.Sweep(At(2026, 11, 24, 9, 0), Ladder, Calendar)!.Level);
        Assert.Equal(2, meeting.Sweep(At(2026, 11, 24, 14, 0), Ladder, Calendar)!.Level);

        Assert.Null(Hold(meeting, heldOn: new DateOnly(2026, 11, 25), now: At(2026, 11, 25, 15, 0)));

        Assert.Equal(new EscalationClock(0, meeting.MinutesDueAt), meeting.Escalation);
        Assert.Null(meeting.Sweep(At(2026, 11, 26, 9, 0), Ladder, Calendar));
        var minutes = meeting.Sweep(meeting.MinutesDueAt!.Value.AddMinutes(1), Ladder, Calendar);
        Assert.Equal((true, 1), (minutes!.Minutes, minutes.Level));
    }

    [Fact]
    public void An_outcome_skipped_at_two_meetings_in_a_row_is_flagged_and_one_skipped_once_is_not_L22()
    {
        var safeSleep = (Key: Guid.NewGuid(), Title: "Safe sleeping");
        var school = (Key: Guid.NewGuid(), Title: "Attends school every day");
        var first = Held(StartPlan);
        Assert.Null(first.SaveMinutes(FullMinutes(new OutcomeProgress(school.Key, school.Title, true, "Attended 9 days out of 10.")),
            ChairPerson, first.Version, HeldAt));
        var second = CoreGroupHeld(At(2026, 12, 3, 10, 0), true, safeSleep);

        var gaps = OutcomeReviewGaps.Find([first, second], [safeSleep, school]);

        // Safe sleeping was skipped at the conference only; school was skipped at the core group only.
        Assert.Empty(gaps);

        var third = CoreGroupHeld(At(2026, 12, 10, 10, 0), true, safeSleep);

        var flagged = Assert.Single(OutcomeReviewGaps.Find([third, first, second], [safeSleep, school]));
        Assert.Equal(new UnreviewedOutcome(school.Key, school.Title, 2), flagged);
    }
}
