using Cairn.Domain.Escalation;
using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;
using static Cairn.Domain.Tests.Meetings.AMeeting;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>Scheduling, arranging (L16: later than due only with a reason and a manager), chairs, invitations and cancelling.</summary>
public sealed class MeetingTests
{
    private static readonly DateTimeOffset Now = At(2026, 11, 3, 10, 0);
    private static readonly DateTimeOffset OnTime = At(2026, 11, 20, 10, 0);
    private static readonly DateTimeOffset Late = At(2026, 11, 24, 10, 0);

    private static Refusal? Arrange(Meeting meeting, DateTimeOffset? at, ChairFacts? chair = null, string? moveReason = null, bool manager = false,
        string? venue = "Civic Centre, room 2", DateTimeOffset? now = null) =>
        meeting.Arrange(at, venue, chair, moveReason, manager, manager ? Manager : SocialWorker, meeting.Version, now ?? Now);

    [Fact]
    public void Scheduling_records_the_trigger_the_due_date_and_starts_the_clock_at_the_due_time()
    {
        var triggerId = Guid.NewGuid();
        var due = new MeetingDue(ConferenceDue, At(2026, 11, 23, 17, 0));

        var meeting = Meeting.Schedule(Child, MeetingKind.InitialChildProtectionConference, 0, MeetingTrigger.Section47Enquiry, triggerId,
            DiscussionDay, due, SocialWorker, null, ScheduledAt);

        Assert.Equal((Child, MeetingKind.InitialChildProtectionConference, 1, MeetingStatus.Scheduled, triggerId, DiscussionDay),
            (meeting.ChildId, meeting.Kind, meeting.Number, meeting.Status, meeting.TriggerId, meeting.TriggeredOn));
        Assert.Equal((ConferenceDue, due.DueAt, SocialWorker, 1), (meeting.DueOn, meeting.DueAt, meeting.OwnerId, meeting.Version));
        Assert.Equal((0, due.DueAt), (meeting.EscalationLevel, meeting.NextEscalationAt));
        Assert.True(meeting.IsOpen);
        var scheduled = Assert.Single(meeting.Events);
        Assert.Equal((MeetingEventKind.Scheduled, (ProfessionalId?)null, "due by 23 November 2026"), (scheduled.Kind, scheduled.By, scheduled.Note));
    }

    [Fact]
    public void A_meeting_with_no_timescale_is_never_overdue_and_never_escalates()
    {
        var meeting = Scheduled(MeetingKind.ProfessionalsMeeting);

        Assert.Null(meeting.DueOn);
        Assert.False(meeting.IsOverdue(Now.AddYears(1)));
        Assert.Null(meeting.Sweep(Now.AddYears(1), EscalationLadder.Default, Calendar));
        Assert.Null(Arrange(meeting, Now.AddMonths(6)));
        Assert.Null(meeting.MoveReason);
    }

    [Fact]
    public void Arranging_on_or_before_the_due_date_needs_no_reason()
    {
        var meeting = Scheduled();

        Assert.Null(Arrange(meeting, At(2026, 11, 23, 16, 0), Independent));

        Assert.Equal((At(2026, 11, 23, 16, 0), "Civic Centre, room 2", ChairPerson), (meeting.ScheduledAt, meeting.Venue, meeting.ChairId));
        Assert.Equal((null, null), (meeting.MoveReason, meeting.MoveAgreedBy));
        Assert.Equal(MeetingEventKind.Arranged, meeting.Events[^1].Kind);
        Assert.Equal(2, meeting.Version);
    }

    [Fact]
    public void Arranging_after_the_due_date_is_refused_without_a_reason_and_without_a_manager()
    {
        var meeting = Scheduled();

        Assert.Equal(["MoveReason"], Fields(Arrange(meeting, Late)));
        var noManager = Arrange(meeting, Late, moveReason: Reason);
        Assert.Contains("only a manager", Assert.Single(noManager!.Errors).Message, StringComparison.Ordinal);
        var noReason = Arrange(meeting, Late, manager: true);
        Assert.Contains("Enter why", Assert.Single(noReason!.Errors).Message, StringComparison.Ordinal);
        Assert.NotNull(Arrange(meeting, Late, moveReason: "Short reason", manager: true));

        Assert.Equal((null, 1), (meeting.ScheduledAt, meeting.Version));
    }

    [Fact]
    public void Arranging_after_the_due_date_with_a_reason_and_a_manager_records_both()
    {
        var meeting = Scheduled();

        Assert.Null(Arrange(meeting, Late, moveReason: "  " + Reason + " ", manager: true));

        Assert.Equal((Late, Reason, Manager), (meeting.ScheduledAt, meeting.MoveReason, meeting.MoveAgreedBy));
        Assert.Contains("agreed by a manager", meeting.Events[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_late_meeting_back_within_its_due_date_clears_the_reason()
    {
        var meeting = Scheduled();
        Assert.Null(Arrange(meeting, Late, moveReason: Reason, manager: true));

        Assert.Null(Arrange(meeting, OnTime));

        Assert.Equal((OnTime, null, null), (meeting.ScheduledAt, meeting.MoveReason, meeting.MoveAgreedBy));
        Assert.Equal(MeetingEventKind.Moved, meeting.Events[^1].Kind);
    }

    [Fact]
    public void Late_is_judged_by_the_London_date_so_the_evening_of_the_due_day_is_not_late()
    {
        var meeting = Scheduled();

        // 23:30 on the due date (London) is still the due date.
        Assert.Null(Arrange(meeting, At(2026, 11, 23, 23, 30)));
        Assert.Null(meeting.MoveReason);
    }

    public static TheoryData<DateTimeOffset?, string> BadDates => new()
    {
        { null, "Enter the date and time of the meeting" },
        { At(2026, 11, 2, 10, 0), "The meeting must be today or in the future" },
        { At(2027, 11, 4, 10, 0), "The meeting must be within the next year" },
    };

    [Theory]
    [MemberData(nameof(BadDates))]
    public void Arranging_needs_a_date_from_today_to_a_year_ahead(DateTimeOffset? at, string message)
    {
        var meeting = Scheduled(MeetingKind.ProfessionalsMeeting);

        var refusal = Arrange(meeting, at);

        Assert.Equal(("ScheduledAt", message), (refusal!.Errors[0].Field, refusal.Errors[0].Message));
    }

    [Fact]
    public void Earlier_today_is_still_today()
    {
        var meeting = Scheduled();

        Assert.Null(Arrange(meeting, Now.AddHours(-1)));
    }

    [Fact]
    public void A_venue_too_long_is_refused_and_a_blank_one_is_kept_as_none()
    {
        var meeting = Scheduled();

        Assert.Equal(["Venue"], Fields(Arrange(meeting, OnTime, venue: new string('v', Meeting.MaxVenueLength + 1))));
        Assert.Null(Arrange(meeting, OnTime, venue: "   "));
        Assert.Null(meeting.Venue);
    }

    public static TheoryData<MeetingKind, ChairFacts, bool> Chairs => new()
    {
        // A conference: an independent chair, never someone involved with the child.
        { MeetingKind.InitialChildProtectionConference, new(ChairPerson, true, false, false), true },
        { MeetingKind.InitialChildProtectionConference, new(SocialWorker, false, true, false), false },
        { MeetingKind.ReviewChildProtectionConference, new(ChairPerson, false, false, true), false },
        // A looked-after review: the reviewing officer, who must be independent of the case.
        { MeetingKind.LookedAfterReview, new(ChairPerson, true, false, true), true },
        { MeetingKind.LookedAfterReview, new(ChairPerson, true, true, false), false },
        { MeetingKind.LookedAfterReview, new(ChairPerson, false, false, true), false },
        // A care planning meeting: a manager.
        { MeetingKind.CarePlanningMeeting, new(Manager, false, true, false), true },
        { MeetingKind.CarePlanningMeeting, new(SocialWorker, true, false, false), false },
        // A core group: anyone.
        { MeetingKind.CoreGroup, new(SocialWorker, false, false, false), true },
    };

    [Theory]
    [MemberData(nameof(Chairs))]
    public void The_chair_must_meet_the_types_chair_rule(MeetingKind kind, ChairFacts chair, bool allowed)
    {
        var meeting = Scheduled(kind);

        var refusal = Arrange(meeting, Now.AddDays(1), chair);

        Assert.Equal(allowed ? [] : ["ChairId"], Fields(refusal));
        Assert.Equal(allowed ? chair.Chair : null, meeting.ChairId);
    }

    [Fact]
    public void A_stale_version_is_a_conflict_and_a_held_or_cancelled_meeting_cannot_be_arranged()
    {
        var meeting = Scheduled();
        var stale = meeting.Arrange(OnTime, null, null, null, false, SocialWorker, meeting.Version + 1, Now);
        Assert.Equal(RefusalKind.Conflict, stale!.Kind);

        Assert.Null(meeting.Cancel(Reason, SocialWorker, meeting.Version, Now));
        Assert.Equal("This meeting was cancelled", Arrange(meeting, OnTime)!.Errors[0].Message);

        var held = Held();
        Assert.Equal("This meeting has been held", held.Arrange(OnTime, null, null, null, false, SocialWorker, held.Version, Now)!.Errors[0].Message);
    }

    // ---- Invitations ----

    [Fact]
    public void Inviting_a_professional_records_their_role_and_agency()
    {
        var meeting = Scheduled();

        var draft = new InviteeDraft(MeetingRole.Police, Officer, PoliceForce, null, "  Attended the strategy discussion ");
        var outcome = meeting.Invite(draft, SocialWorker, Now);

        var invitee = outcome.Value!;
        Assert.Equal((MeetingRole.Police, (ProfessionalId?)Officer, (AgencyId?)PoliceForce, (PersonId?)null, "Attended the strategy discussion"),
            (invitee.Role, invitee.ProfessionalId, invitee.AgencyId, invitee.PersonId, invitee.InvitedBecause));
        Assert.Equal((meeting.Id, SocialWorker, Now, true), (invitee.MeetingId, invitee.InvitedBy, invitee.InvitedAt, invitee.IsProfessional));
        Assert.Equal([invitee], meeting.Invitees);
        Assert.Equal((MeetingEventKind.Invited, "Police", 2), (meeting.Events[^1].Kind, meeting.Events[^1].Note, meeting.Version));
    }

    [Fact]
    public void Inviting_a_member_of_the_family_needs_no_agency()
    {
        var meeting = Scheduled();

        var invitee = meeting.Invite(new InviteeDraft(MeetingRole.Parent, null, null, Mother), SocialWorker, Now).Value!;

        Assert.Equal(((PersonId?)Mother, false), (invitee.PersonId, invitee.IsProfessional));
    }

    [Fact]
    public void Nobody_is_invited_twice()
    {
        var meeting = Scheduled();
        Invite(meeting, MeetingRole.Health, HealthVisitor, HealthTrust);
        Invite(meeting, MeetingRole.Parent, null, null, Mother);

        var professionalAgain = meeting.Invite(new InviteeDraft(MeetingRole.Gp, HealthVisitor, HealthTrust, null), SocialWorker, Now);
        var parentAgain = meeting.Invite(new InviteeDraft(MeetingRole.Carer, null, null, Mother), SocialWorker, Now);

        Assert.Equal("They are already invited to this meeting", professionalAgain.Refusal!.Errors[0].Message);
        Assert.Equal("They are already invited to this meeting", parentAgain.Refusal!.Errors[0].Message);
        Assert.Equal(2, meeting.Invitees.Count);
    }

    public static TheoryData<InviteeDraft, string> BadInvitations => new()
    {
        { new InviteeDraft(MeetingRole.Chair, Officer, PoliceForce, null), "Role" },
        { new InviteeDraft((MeetingRole)77, Officer, PoliceForce, null), "Role" },
        { new InviteeDraft(MeetingRole.Police, null, null, null), "ProfessionalId" },
        { new InviteeDraft(MeetingRole.Police, Officer, PoliceForce, Mother), "ProfessionalId" },
        { new InviteeDraft(MeetingRole.Police, Officer, null, null), "ProfessionalId" },
    };

    [Theory]
    [MemberData(nameof(BadInvitations))]
    public void An_invitation_needs_a_role_other_than_chair_and_exactly_one_professional_with_their_agency_or_family_member(InviteeDraft draft,
        string field)
    {
        var meeting = Scheduled();

        Assert.Equal([field], Fields(meeting.Invite(draft, SocialWorker, Now).Refusal));
        Assert.Empty(meeting.Invitees);
    }

    [Fact]
    public void A_meeting_has_at_most_60_invitations()
    {
        var meeting = Scheduled(MeetingKind.ProfessionalsMeeting);
        for (var i = 0; i < Meeting.MaxInvitees; i++)
        {
            Invite(meeting, MeetingRole.Other, ProfessionalId.New(), AgencyId.New());
        }

        var refusal = meeting.Invite(new InviteeDraft(MeetingRole.Other, ProfessionalId.New(), AgencyId.New(), null), SocialWorker, Now).Refusal;

        Assert.Contains("at most 60", refusal!.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitations_stop_once_the_meeting_is_held_or_cancelled()
    {
        var held = Held();
        var cancelled = Scheduled();
        Assert.Null(cancelled.Cancel(Reason, SocialWorker, cancelled.Version, Now));

        foreach (var meeting in new[] { held, cancelled })
        {
            var refusal = meeting.Invite(new InviteeDraft(MeetingRole.Other, ProfessionalId.New(), AgencyId.New(), null), SocialWorker, Now).Refusal;
            Assert.Equal(["Status"], Fields(refusal));
        }
    }

    [Fact]
    public void Missing_roles_are_the_required_roles_nobody_is_invited_in()
    {
        var meeting = Scheduled();
        Assert.Equal(meeting.Type.RequiredRoles, meeting.MissingRoles(meeting.Type));

        Invite(meeting, MeetingRole.SocialWorker, SocialWorker, SocialCare);
        Invite(meeting, MeetingRole.Police, Officer, PoliceForce);

        Assert.Equal([MeetingRole.Health, MeetingRole.Gp, MeetingRole.Education, MeetingRole.Parent], meeting.MissingRoles(meeting.Type));
    }

    [Fact]
    public void The_GP_covers_health_but_a_health_visitor_does_not_cover_the_GP()
    {
        var withGp = Scheduled();
        Invite(withGp, MeetingRole.Gp, Doctor, Surgery);
        var withHealthVisitor = Scheduled();
        Invite(withHealthVisitor, MeetingRole.Health, HealthVisitor, HealthTrust);

        Assert.DoesNotContain(MeetingRole.Health, withGp.MissingRoles(withGp.Type));
        Assert.DoesNotContain(MeetingRole.Gp, withGp.MissingRoles(withGp.Type));
        Assert.DoesNotContain(MeetingRole.Health, withHealthVisitor.MissingRoles(withHealthVisitor.Type));
        Assert.Contains(MeetingRole.Gp, withHealthVisitor.MissingRoles(withHealthVisitor.Type));
    }

    [Fact]
    public void A_looked_after_reviews_reviewing_officer_is_covered_by_its_chair()
    {
        var meeting = Scheduled(MeetingKind.LookedAfterReview);
        Assert.Contains(MeetingRole.IndependentReviewingOfficer, meeting.MissingRoles(meeting.Type));

        Assert.Null(Arrange(meeting, Now.AddDays(1), new ChairFacts(Officer, true, false, true)));

        Assert.DoesNotContain(MeetingRole.IndependentReviewingOfficer, meeting.MissingRoles(meeting.Type));
    }

    [Fact]
    public void Shares_are_recorded_only_against_the_meetings_own_invitations()
    {
        var meeting = Scheduled();
        var invitee = Invite(meeting, MeetingRole.Police, Officer, PoliceForce);
        var other = Invite(Scheduled(), MeetingRole.Police, Officer, PoliceForce);
        var share = ShareId.New();

        meeting.RecordInvitationShare(invitee, share);
        meeting.RecordMinutesShare(invitee, share);

        Assert.Equal(((ShareId?)share, (ShareId?)share), (invitee.InvitationShareId, invitee.MinutesShareId));
        Assert.Throws<ArgumentException>(() => meeting.RecordInvitationShare(other, share));
        Assert.Throws<ArgumentException>(() => meeting.RecordMinutesShare(other, share));
    }

    // ---- Cancelling ----

    [Fact]
    public void Cancelling_needs_a_reason_and_stops_the_clock()
    {
        var meeting = Scheduled();
        Assert.Equal(["CancelReason"], Fields(meeting.Cancel("  ", SocialWorker, meeting.Version, Now)));
        Assert.Equal(["CancelReason"], Fields(meeting.Cancel("Plan ended", SocialWorker, meeting.Version, Now)));

        Assert.Null(meeting.Cancel(" The family declined the meeting in writing. ", null, meeting.Version, Now));

        Assert.Equal((MeetingStatus.Cancelled, "The family declined the meeting in writing.", false),
            (meeting.Status, meeting.CancelReason, meeting.IsOpen));
        Assert.Null(meeting.NextEscalationAt);
        Assert.False(meeting.IsOverdue(Late));
        Assert.Null(meeting.Sweep(Late, EscalationLadder.Default, Calendar));
        Assert.Equal("This meeting is already cancelled", meeting.Cancel(Reason, SocialWorker, meeting.Version, Now)!.Errors[0].Message);
        Assert.Equal(RefusalKind.Conflict, meeting.Cancel(Reason, SocialWorker, meeting.Version - 1, Now)!.Kind);
    }

    [Fact]
    public void A_held_meeting_cannot_be_cancelled()
    {
        var meeting = Held();

        Assert.Equal("This meeting has been held", meeting.Cancel(Reason, SocialWorker, meeting.Version, Now)!.Errors[0].Message);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }
}
