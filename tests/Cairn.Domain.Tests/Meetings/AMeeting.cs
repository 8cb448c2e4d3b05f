using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Time;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// Meetings as the tests build them. Dates: the strategy discussion on Monday 2 November 2026 makes an initial conference due
/// 15 working days later, on Monday 23 November 2026 (no bank holiday in between); the conference is held that day.
/// </summary>
internal static class AMeeting
{
    public static readonly PersonId Child = PersonId.New();
    public static readonly PersonId Mother = PersonId.New();
    public static readonly ProfessionalId SocialWorker = ProfessionalId.New();
    public static readonly ProfessionalId Manager = ProfessionalId.New();
    public static readonly ProfessionalId ChairPerson = ProfessionalId.New();
    public static readonly ProfessionalId Officer = ProfessionalId.New();
    public static readonly ProfessionalId HealthVisitor = ProfessionalId.New();
    public static readonly ProfessionalId Doctor = ProfessionalId.New();
    public static readonly ProfessionalId Teacher = ProfessionalId.New();
    public static readonly AgencyId SocialCare = AgencyId.New();
    public static readonly AgencyId PoliceForce = AgencyId.New();
    public static readonly AgencyId HealthTrust = AgencyId.New();
    public static readonly AgencyId Surgery = AgencyId.New();
    public static readonly AgencyId School = AgencyId.New();

    public static readonly DateOnly DiscussionDay = new(2026, 11, 2);
    public static readonly DateOnly ConferenceDue = new(2026, 11, 23);
    public static readonly DateTimeOffset ScheduledAt = At(2026, 11, 2, 12, 0);
    public static readonly DateTimeOffset HeldAt = At(2026, 11, 23, 15, 0);
    public const string Reason = "The family asked for a later date because of a hospital appointment.";

    /// <summary>An independent chair: fits a conference (and the anyone rule), not the reviewing officer or manager rules.</summary>
    public static readonly ChairFacts Independent = new(ChairPerson, IndependentOfCase: true, IsManager: false, IsReviewingOfficer: false);

    private static long _nextInviteeId;

    /// <summary>A meeting of <paramref name="kind"/> scheduled from its trigger, due by its national or default timescale.</summary>
    public static Meeting Scheduled(MeetingKind kind = MeetingKind.InitialChildProtectionConference, DateOnly? triggeredOn = null,
        int number = 1, MeetingRules? rules = null, DateTimeOffset? now = null)
    {
        var type = (rules ?? MeetingRules.Default).TypeOf(kind);
        var from = triggeredOn ?? DiscussionDay;
        var at = now ?? ScheduledAt;
        MeetingDue? due = type.FirstDue is { } first ? MeetingSchedule.DueAfter(first, from, at, Calendar) : null;
        return Meeting.Schedule(Child, kind, number, type.Trigger, Guid.NewGuid(), from, due, SocialWorker, null, at);
    }

    /// <summary>Invites someone and gives the invitation the id the database would.</summary>
    public static MeetingInvitee Invite(Meeting meeting, MeetingRole role, ProfessionalId? professional, AgencyId? agency, PersonId? person = null)
    {
        var outcome = meeting.Invite(new InviteeDraft(role, professional, agency, person), SocialWorker, ScheduledAt);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Errors[0].Message);
        typeof(MeetingInvitee).GetProperty(nameof(MeetingInvitee.Id))!.SetValue(outcome.Value, Interlocked.Increment(ref _nextInviteeId));
        return outcome.Value!;
    }

    /// <summary>Everyone a conference requires: the social worker, police, a health visitor, the GP, the school and a parent.</summary>
    public static Meeting WithEveryoneInvited(Meeting meeting, params MeetingRole[] leaveOut)
    {
        (MeetingRole Role, ProfessionalId? Who, AgencyId? Agency, PersonId? Person)[] everyone =
        [
            (MeetingRole.SocialWorker, SocialWorker, SocialCare, null),
            (MeetingRole.Police, Officer, PoliceForce, null),
            (MeetingRole.Health, HealthVisitor, HealthTrust, null),
            (MeetingRole.Gp, Doctor, Surgery, null),
            (MeetingRole.Education, Teacher, School, null),
            (MeetingRole.Parent, null, null, Mother),
        ];
        foreach (var (role, who, agency, person) in everyone.Where(e => !leaveOut.Contains(e.Role)))
        {
            Invite(meeting, role, who, agency, person);
        }

        return meeting;
    }

    public static Meeting Conference(params MeetingRole[] leaveOut) => WithEveryoneInvited(Scheduled(), leaveOut);

    /// <summary>Every invitee marked <paramref name="attendance"/>, except those given their own mark.</summary>
    public static List<AttendanceEntry> Marks(Meeting meeting, Attendance attendance = Attendance.Attended,
        params (MeetingRole Role, Attendance Mark)[] except) =>
        meeting.Invitees
            .Select(i => new AttendanceEntry(i.Id,
                except.Where(e => e.Role == i.Role).Select(e => (Attendance?)e.Mark).FirstOrDefault() ?? attendance, false))
            .ToList();

    public static MeetingDecisions StartPlan => new()
    {
        Plan = PlanDecision.StartChildProtectionPlan,
        Category = ChildProtectionCategory.Neglect,
        LeadPractitioner = SocialWorker,
    };

    public static MeetingDecisions NoPlan => new() { Plan = PlanDecision.None };

    public static MeetingDue MinutesDue(Meeting meeting, DateOnly heldOn) =>
        MeetingSchedule.DueAfter(meeting.Type.MinutesWithin, heldOn, HeldAt, Calendar);

    public static Refusal? Hold(Meeting meeting, MeetingDecisions? decisions = null, IReadOnlyList<AttendanceEntry>? attendance = null,
        string? missingRolesReason = null, string? inquorateReason = null, ChairFacts? chair = null, DateOnly? heldOn = null,
        DateTimeOffset? now = null) =>
        meeting.Hold(heldOn ?? (now ?? HeldAt).InLondon(), chair ?? Independent, attendance ?? Marks(meeting), decisions ?? NoPlan,
            missingRolesReason, inquorateReason, a => a == SocialCare, d => MinutesDue(meeting, d), ChairPerson, meeting.Version, now ?? HeldAt);

    /// <summary>A conference held with everyone attending, deciding <paramref name="decisions"/>.</summary>
    public static Meeting Held(MeetingDecisions? decisions = null)
    {
        var meeting = Conference();
        Assert.Null(Hold(meeting, decisions));
        return meeting;
    }

    /// <summary>A core group (triggered by the conference) held at <paramref name="at"/>; minutes saved reviewing <paramref name="reviewed"/>.</summary>
    public static Meeting CoreGroupHeld(DateTimeOffset at, bool withMinutes, params (Guid Key, string Title)[] reviewed)
    {
        var meeting = Scheduled(MeetingKind.CoreGroup, at.InLondon().AddDays(-20));
        Invite(meeting, MeetingRole.SocialWorker, SocialWorker, SocialCare);
        Invite(meeting, MeetingRole.Health, HealthVisitor, HealthTrust);
        Invite(meeting, MeetingRole.Parent, null, null, Mother);
        Assert.Null(Hold(meeting, now: at));
        if (withMinutes)
        {
            var progress = reviewed.Select(o => new OutcomeProgress(o.Key, o.Title, true, "Reviewed: some progress.")).ToArray();
            Assert.Null(meeting.SaveMinutes(FullMinutes(progress), ChairPerson, meeting.Version, at));
        }

        return meeting;
    }

    public static MinutesDraft FullMinutes(params OutcomeProgress[] outcomes) => new()
    {
        IncidentsSinceLast = "None reported since the strategy discussion.",
        Outcomes = outcomes,
        ChildsView = "Said she feels safe at nursery and misses her grandmother.",
        ParentsView = "Mother agrees the plan and wants help with housing.",
        Discussion = "Each agency reported; the risk remains from the home conditions.",
        FamilySummary = "We agreed a plan to keep Amy safe. Sam will visit every week.",
    };
}
