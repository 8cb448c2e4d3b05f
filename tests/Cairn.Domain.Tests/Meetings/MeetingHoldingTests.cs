using Cairn.Domain.Children;
using Cairn.Domain.Escalation;
using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// Holding a meeting (L16, L21): required roles, attendance for everyone invited, quorum (at least 3 agencies attending,
/// children's social care among them, for a conference), and what each kind of meeting may decide.
/// </summary>
public sealed class MeetingHoldingTests
{
    private const string Inquorate = "The chair decided to go ahead: the family had travelled and the school sent a report.";

    [Fact]
    public void Holding_records_the_day_chair_attendance_decisions_and_starts_the_minutes_clock()
    {
        var meeting = Conference();
        var attendance = Marks(meeting, Attendance.Attended, (MeetingRole.Education, Attendance.SentApologies));
        attendance = attendance.Select(a => a with { ReportReceived = true }).ToList();
        var decisions = StartPlan with { PlanChanges = "  Weekly visits ", NextMeetingOn = new DateOnly(2027, 2, 20) };

        Assert.Null(Hold(meeting, decisions, attendance));

        Assert.Equal((MeetingStatus.Held, (DateOnly?)ConferenceDue, (ProfessionalId?)ChairPerson, (bool?)true, (string?)null),
            (meeting.Status, meeting.HeldOn, meeting.ChairId, meeting.Quorate, meeting.InquorateReason));
        Assert.Equal(
            (PlanDecision.StartChildProtectionPlan, (ChildProtectionCategory?)ChildProtectionCategory.Neglect, (ProfessionalId?)SocialWorker),
            (meeting.PlanDecision, meeting.Category, meeting.LeadPractitionerId));
        Assert.Equal(("Weekly visits", (DateOnly?)new DateOnly(2027, 2, 20)), (meeting.PlanChanges, meeting.NextMeetingOn));
        Assert.Equal(Attendance.SentApologies, meeting.Invitees.Single(i => i.Role == MeetingRole.Education).Attendance);
        Assert.All(meeting.Invitees, i => Assert.True(i.ReportReceived));
        Assert.Equal((new DateOnly(2026, 12, 21), MinutesStatus.NotStarted), (meeting.MinutesDueOn, meeting.MinutesStatus));
        Assert.Equal(new EscalationClock(0, meeting.MinutesDueAt), meeting.Escalation);
        Assert.Equal((MeetingEventKind.Held, "held 23 November 2026"), (meeting.Events[^1].Kind, meeting.Events[^1].Note));
        Assert.False(meeting.IsOpen);
        Assert.False(meeting.IsOverdue(HeldAt.AddDays(10)));
    }

    [Fact]
    public void Attendance_must_be_recorded_for_everyone_invited()
    {
        var meeting = Conference();
        // The parent: a family member, so the quorum is met whatever their mark.
        var parent = meeting.Invitees.Single(i => i.Role == MeetingRole.Parent).Id;
        var withoutParent = Marks(meeting).Where(a => a.InviteeId != parent).ToList();
        var blank = Marks(meeting).Select(a => a.InviteeId == parent ? a with { Attendance = null } : a).ToList();
        var unknown = Marks(meeting).Select(a => a.InviteeId == parent ? a with { Attendance = (Attendance)9 } : a).ToList();

        foreach (var attendance in new[] { withoutParent, blank, unknown })
        {
            var refusal = Hold(meeting, attendance: attendance);
            var error = Assert.Single(refusal!.Errors);
            Assert.Equal($"Attendance[{parent}]", error.Field);
        }

        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void Attendance_given_twice_for_one_invitation_is_not_a_crash()
    {
        var meeting = Conference();
        var attendance = Marks(meeting);
        attendance.Add(attendance[^1] with { Attendance = Attendance.DidNotAttend });

        var refusal = Hold(meeting, attendance: attendance);

        // The last mark for an invitation stands, as a form posted twice would have it.
        Assert.Null(refusal);
        Assert.Equal(Attendance.DidNotAttend, meeting.Invitees[^1].Attendance);
        Assert.Equal(Attendance.Attended, meeting.Invitees[0].Attendance);
    }

    [Fact]
    public void Holding_needs_a_chair_who_meets_the_chair_rule()
    {
        var meeting = Conference();

        var noChair = meeting.Hold(ConferenceDue, null, Marks(meeting), NoPlan, null, null, a => a == SocialCare, d => MinutesDue(meeting, d),
            ChairPerson, meeting.Version, HeldAt);
        Assert.Equal(["ChairId"], Fields(noChair));
        Assert.Equal(["ChairId"], Fields(Hold(meeting, chair: new ChairFacts(SocialWorker, false, true, false))));
    }

    public static TheoryData<DateOnly?, string> BadHeldOn => new()
    {
        { null, "Enter the date the meeting was held" },
        { new DateOnly(2026, 11, 24), "The date the meeting was held must be today or in the past" },
        { new DateOnly(2026, 11, 1), "The meeting cannot have been held before 2 November 2026, when it became due" },
    };

    [Theory]
    [MemberData(nameof(BadHeldOn))]
    public void It_was_held_on_a_day_from_its_trigger_to_today(DateOnly? heldOn, string message)
    {
        var meeting = Conference();

        var refusal = meeting.Hold(heldOn, Independent, Marks(meeting), NoPlan, null, null, a => a == SocialCare, d => MinutesDue(meeting, d),
            ChairPerson, meeting.Version, HeldAt);

        Assert.Equal(("HeldOn", message), (refusal!.Errors[0].Field, refusal.Errors[0].Message));
    }

    [Fact]
    public void Held_on_its_trigger_day_is_allowed()
    {
        var meeting = Conference();

        Assert.Null(Hold(meeting, heldOn: DiscussionDay));
    }

    [Fact]
    public void Missing_roles_need_a_reason_that_names_them_and_a_meeting_with_everyone_invited_needs_none()
    {
        var missing = Conference(MeetingRole.Police, MeetingRole.Education);
        var refusal = Hold(missing);
        Assert.Contains("police, education (school or nursery)", Assert.Single(refusal!.Errors).Message, StringComparison.Ordinal);

        var everyone = Conference();
        Assert.Null(Hold(everyone, missingRolesReason: "A reason that is ignored because nobody was missing."));
        Assert.Null(everyone.MissingRolesReason);
    }

    [Fact]
    public void A_looked_after_reviews_chair_is_its_reviewing_officer_so_they_need_no_invitation()
    {
        var meeting = Scheduled(MeetingKind.LookedAfterReview);
        Invite(meeting, MeetingRole.SocialWorker, SocialWorker, SocialCare);
        Invite(meeting, MeetingRole.Health, HealthVisitor, HealthTrust);
        Invite(meeting, MeetingRole.Carer, null, null, PersonId.New());
        Invite(meeting, MeetingRole.Child, null, null, Child);
        var officer = new ChairFacts(Officer, true, false, true);

        Assert.Null(Hold(meeting, chair: officer, now: At(2026, 11, 20, 10, 0)));
        Assert.Equal((null, (bool?)null), (meeting.MissingRolesReason, meeting.Quorate));
    }

    // ---- Quorum ----

    [Fact]
    public void A_conference_with_three_agencies_attending_including_childrens_social_care_is_quorate()
    {
        var meeting = Conference();
        var attendance = Marks(meeting, Attendance.Attended,
            (MeetingRole.Gp, Attendance.SentApologies), (MeetingRole.Education, Attendance.DidNotAttend));

        Assert.Null(Hold(meeting, StartPlan, attendance));
        Assert.Equal(true, meeting.Quorate);
    }

    public static TheoryData<MeetingRole[]> Inquorate_attendance => new()
    {
        // Only social care and the police attended: two agencies.
        new[] { MeetingRole.Health, MeetingRole.Gp, MeetingRole.Education },
        // Four agencies, but not children's social care.
        new[] { MeetingRole.SocialWorker },
    };

    [Theory]
    [MemberData(nameof(Inquorate_attendance))]
    public void A_conference_with_fewer_than_three_agencies_or_without_childrens_social_care_is_not_quorate(MeetingRole[] absent)
    {
        var meeting = Conference();
        var attendance = Marks(meeting, Attendance.Attended,
            [.. absent.Select(r => (r, Attendance.SentApologies))]);

        var refusal = Hold(meeting, NoPlan, attendance);

        Assert.Equal(["InquorateReason"], Fields(refusal));
        Assert.Null(Hold(meeting, NoPlan, attendance, inquorateReason: Inquorate));
        Assert.Equal(((bool?)false, Inquorate), (meeting.Quorate, meeting.InquorateReason));
    }

    [Fact]
    public void Two_people_from_one_agency_count_as_one_agency()
    {
        var meeting = Scheduled();
        Invite(meeting, MeetingRole.SocialWorker, SocialWorker, SocialCare);
        Invite(meeting, MeetingRole.Other, Manager, SocialCare);
        Invite(meeting, MeetingRole.Health, HealthVisitor, HealthTrust);
        Invite(meeting, MeetingRole.Gp, Doctor, HealthTrust);
        Invite(meeting, MeetingRole.Police, Officer, PoliceForce);
        Invite(meeting, MeetingRole.Education, Teacher, School);
        Invite(meeting, MeetingRole.Parent, null, null, Mother);
        var attendance = Marks(meeting, Attendance.Attended,
            (MeetingRole.Police, Attendance.DidNotAttend), (MeetingRole.Education, Attendance.DidNotAttend));

        // Four people attended from two agencies.
        Assert.Equal(["InquorateReason"], Fields(Hold(meeting, NoPlan, attendance)));
    }

    [Fact]
    public void Family_members_do_not_count_towards_the_quorum()
    {
        var meeting = Scheduled();
        Invite(meeting, MeetingRole.SocialWorker, SocialWorker, SocialCare);
        Invite(meeting, MeetingRole.Police, Officer, PoliceForce);
        Invite(meeting, MeetingRole.Parent, null, null, Mother);
        Invite(meeting, MeetingRole.Child, null, null, Child);

        var refusal = Hold(meeting, NoPlan, missingRolesReason: Reason);

        Assert.Equal(["InquorateReason"], Fields(refusal));
    }

    [Fact]
    public void An_inquorate_conference_held_with_a_reason_cannot_decide_to_start_a_plan()
    {
        var meeting = Conference();
        var attendance = Marks(meeting, Attendance.SentApologies, (MeetingRole.SocialWorker, Attendance.Attended));

        var refusal = Hold(meeting, StartPlan, attendance, inquorateReason: Inquorate);

        Assert.Equal(["PlanDecision"], Fields(refusal));
        Assert.Contains("not quorate", refusal!.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);

        Assert.Null(Hold(meeting, NoPlan, attendance, inquorateReason: Inquorate));
        Assert.Equal((MeetingStatus.Held, PlanDecision.None, (bool?)false), (meeting.Status, meeting.PlanDecision, meeting.Quorate));
        Assert.Null(meeting.LeadPractitionerId);
    }

    [Fact]
    public void An_inquorate_review_conference_held_with_a_reason_decides_nothing_about_the_plan()
    {
        var meeting = WithEveryoneInvited(Scheduled(MeetingKind.ReviewChildProtectionConference, ConferenceDue, now: HeldAt));
        var attendance = Marks(meeting, Attendance.SentApologies, (MeetingRole.SocialWorker, Attendance.Attended));
        var later = At(2027, 2, 22, 12, 0);

        Assert.Equal(["PlanDecision"], Fields(Hold(meeting, new MeetingDecisions
        {
            Plan = PlanDecision.ContinueChildProtectionPlan,
            Category = ChildProtectionCategory.Neglect
        }, attendance, inquorateReason: Inquorate, now: later)));
        Assert.Null(Hold(meeting, NoPlan, attendance, inquorateReason: Inquorate, now: later));

        Assert.Equal((PlanDecision.None, (bool?)false, (ChildProtectionCategory?)null), (meeting.PlanDecision, meeting.Quorate, meeting.Category));
    }

    [Fact]
    public void A_quorate_review_conference_must_continue_or_end_the_plan()
    {
        var meeting = WithEveryoneInvited(Scheduled(MeetingKind.ReviewChildProtectionConference, ConferenceDue, now: HeldAt));
        var later = At(2027, 2, 22, 12, 0);

        Assert.Equal(["PlanDecision"], Fields(Hold(meeting, NoPlan, now: later)));
        Assert.Equal(["PlanDecision"], Fields(Hold(meeting, StartPlan, now: later)));
        Assert.Null(Hold(meeting, new MeetingDecisions
        {
            Plan = PlanDecision.EndChildProtectionPlan,
            Category = ChildProtectionCategory.Neglect,
            LeadPractitioner = SocialWorker
        }, now: later));

        // Ending a plan keeps no category or lead practitioner.
        Assert.Equal((PlanDecision.EndChildProtectionPlan, (ChildProtectionCategory?)null, (ProfessionalId?)null),
            (meeting.PlanDecision, meeting.Category, meeting.LeadPractitionerId));
    }

    // ---- Decisions ----

    [Theory]
    [InlineData(PlanDecision.None, true)]
    [InlineData(PlanDecision.StartChildProtectionPlan, true)]
    [InlineData(PlanDecision.ContinueChildProtectionPlan, false)]
    [InlineData(PlanDecision.EndChildProtectionPlan, false)]
    public void An_initial_conference_starts_a_plan_or_decides_none_is_needed(PlanDecision plan, bool allowed)
    {
        var meeting = Conference();

        var refusal = Hold(meeting, StartPlan with { Plan = plan });

        Assert.Equal(allowed ? [] : ["PlanDecision"], Fields(refusal));
    }

    [Fact]
    public void Starting_a_plan_needs_a_category_and_a_lead_practitioner()
    {
        var meeting = Conference();

        Assert.Equal(["Category", "LeadPractitionerId"],
            Fields(Hold(meeting, new MeetingDecisions { Plan = PlanDecision.StartChildProtectionPlan })));
        Assert.Equal(["Category"], Fields(Hold(meeting, StartPlan with { Category = (ChildProtectionCategory)42 })));
    }

    [Fact]
    public void Deciding_no_plan_keeps_no_category_or_lead_practitioner_even_if_sent()
    {
        var meeting = Conference();

        Assert.Null(Hold(meeting, StartPlan with { Plan = PlanDecision.None }));

        Assert.Equal((PlanDecision.None, (ChildProtectionCategory?)null, (ProfessionalId?)null),
            (meeting.PlanDecision, meeting.Category, meeting.LeadPractitionerId));
    }

    [Theory]
    [InlineData(MeetingKind.ProfessionalsMeeting)]
    [InlineData(MeetingKind.CoreGroup)]
    [InlineData(MeetingKind.ChildInNeedReview)]
    public void A_meeting_that_is_not_a_conference_cannot_decide_a_child_protection_plan(MeetingKind kind)
    {
        var meeting = WithEveryoneInvited(Scheduled(kind));

        var refusal = Hold(meeting, StartPlan, missingRolesReason: Reason, now: At(2026, 11, 20, 10, 0));

        Assert.Equal(["PlanDecision"], Fields(refusal));
        Assert.Contains("only a conference does", refusal!.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(Hold(meeting, NoPlan, missingRolesReason: Reason, now: At(2026, 11, 20, 10, 0)));
        Assert.Equal(PlanDecision.None, meeting.PlanDecision);
    }

    [Fact]
    public void An_unknown_decision_is_refused()
    {
        var meeting = Conference();

        Assert.Equal(["PlanDecision"], Fields(Hold(meeting, new MeetingDecisions { Plan = (PlanDecision)9 })));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void The_next_meeting_is_after_this_one_and_within_a_year(int daysLater, bool allowed)
    {
        var meeting = Conference();

        var refusal = Hold(meeting, NoPlan with { NextMeetingOn = ConferenceDue.AddDays(daysLater) });

        Assert.Equal(allowed ? [] : ["NextMeetingOn"], Fields(refusal));
    }

    [Fact]
    public void Plan_changes_too_long_are_refused()
    {
        var meeting = Conference();

        Assert.Equal(["PlanChanges"], Fields(Hold(meeting, NoPlan with { PlanChanges = new string('x', Meeting.MaxTextLength + 1) })));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_changes()
    {
        var meeting = Conference(MeetingRole.Police);
        var attendance = Marks(meeting, Attendance.DidNotAttend).Skip(1).ToList();

        var refusal = meeting.Hold(null, null, attendance, StartPlan with { Category = null }, null, null, a => a == SocialCare,
            d => MinutesDue(meeting, d), ChairPerson, meeting.Version, HeldAt);

        Assert.Equal(
            ["HeldOn", "ChairId", "MissingRolesReason", $"Attendance[{meeting.Invitees[0].Id}]", "InquorateReason", "PlanDecision", "Category"],
            refusal!.Errors.Select(e => e.Field));
        Assert.Equal((MeetingStatus.Scheduled, 6, (DateOnly?)null), (meeting.Status, meeting.Version, meeting.HeldOn));
        Assert.All(meeting.Invitees, i => Assert.Null(i.Attendance));
    }

    [Fact]
    public void A_meeting_is_held_once_and_a_stale_version_is_a_conflict()
    {
        var meeting = Conference();
        var stale = meeting.Hold(ConferenceDue, Independent, Marks(meeting), NoPlan, null, null, a => a == SocialCare, d => MinutesDue(meeting, d),
            ChairPerson, meeting.Version - 1, HeldAt);
        Assert.Equal(RefusalKind.Conflict, stale!.Kind);

        Assert.Null(Hold(meeting));

        Assert.Equal("This meeting has already been held", Hold(meeting)!.Errors[0].Message);
        var cancelled = Scheduled();
        Assert.Null(cancelled.Cancel(Reason, SocialWorker, cancelled.Version, HeldAt));
        Assert.Equal("This meeting was cancelled", Hold(cancelled)!.Errors[0].Message);
    }
}
