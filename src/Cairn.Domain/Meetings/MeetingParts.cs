using Cairn.Domain.Children;
using Cairn.Domain.Escalation;

namespace Cairn.Domain.Meetings;

public enum MeetingStatus
{
    /// <summary>Due: arranged or still to be arranged. Past its due date and not held, it is overdue and escalates (L16).</summary>
    Scheduled = 1,
    Held = 2,
    /// <summary>Not going ahead: the plan ended, the child stopped being looked after, or a reason was recorded.</summary>
    Cancelled = 3,
}

public enum Attendance
{
    Attended = 1,
    SentApologies = 2,
    DidNotAttend = 3,
}

/// <summary>Where the minutes stand (L21): written, then confirmed by the chair and sent as followed-through shares.</summary>
public enum MinutesStatus
{
    NotStarted = 0,
    Draft = 1,
    /// <summary>Confirmed by the chair and sent to every recipient the meeting type requires.</summary>
    Sent = 2,
}

/// <summary>What a conference decided about the child protection plan; the decision takes effect through the plan and the legal status.</summary>
public enum PlanDecision
{
    None = 0,
    StartChildProtectionPlan = 1,
    ContinueChildProtectionPlan = 2,
    EndChildProtectionPlan = 3,
}

public enum MeetingEventKind
{
    Scheduled = 1,
    Arranged = 2,
    Moved = 3,
    Invited = 4,
    Held = 5,
    MinutesSaved = 6,
    MinutesSent = 7,
    Cancelled = 8,
    Escalated = 9,
}

/// <summary>One step in a meeting's life, kept so the record shows who did what and when.</summary>
public sealed record MeetingEvent(MeetingId MeetingId, MeetingEventKind Kind, ProfessionalId? By, DateTimeOffset At, string? Note)
{
    public long Id { get; init; }
}

/// <summary>
/// Someone invited to a meeting: a professional (invited by a followed-through share, with its receipt clocks) or a member
/// of the family (the child, a parent). Attendance, apologies and written reports are recorded against the invitation.
/// </summary>
public sealed class MeetingInvitee
{
    private MeetingInvitee()
    {
    }

    public long Id { get; private set; }
    public MeetingId MeetingId { get; private set; }
    public MeetingRole Role { get; private set; }
    public ProfessionalId? ProfessionalId { get; private set; }
    public AgencyId? AgencyId { get; private set; }
    /// <summary>A member of the family invited (the child, a parent, a carer who is not a professional).</summary>
    public PersonId? PersonId { get; private set; }
    /// <summary>Why Cairn invited them itself, when it did ("Parent's own allocated worker", L29).</summary>
    public string? InvitedBecause { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public ProfessionalId InvitedBy { get; private set; }
    /// <summary>The followed-through share that carried the invitation to a professional.</summary>
    public ShareId? InvitationShareId { get; internal set; }
    public Attendance? Attendance { get; internal set; }
    public bool ReportReceived { get; internal set; }
    /// <summary>The followed-through share that carried the minutes, once sent.</summary>
    public ShareId? MinutesShareId { get; internal set; }

    public bool IsProfessional => ProfessionalId is not null;

    internal static MeetingInvitee Create(MeetingId meeting, MeetingRole role, ProfessionalId? professional, AgencyId? agency,
        PersonId? person, string? because, ProfessionalId by, DateTimeOffset now) => new()
        {
            MeetingId = meeting,
            Role = role,
            ProfessionalId = professional,
            AgencyId = agency,
            PersonId = person,
            InvitedBecause = because,
            InvitedAt = now,
            InvitedBy = by,
        };
}

/// <summary>Someone to invite, as the caller found them: a professional with their agency, or a family member.</summary>
public sealed record InviteeDraft(MeetingRole Role, ProfessionalId? Professional, AgencyId? Agency, PersonId? Person, string? Because = null);

/// <summary>Progress on one outcome of the plan, recorded apart from incidents (L22).</summary>
/// <param name="SectionKey">The plan section's key, the same across versions.</param>
/// <param name="Title">The outcome's title when it was reviewed.</param>
/// <param name="Reviewed">Whether the meeting reviewed it; an outcome not reviewed at two meetings in a row is flagged.</param>
/// <param name="Progress">What progress was made, in the minutes.</param>
public sealed record OutcomeProgress(Guid SectionKey, string Title, bool Reviewed, string? Progress);

/// <summary>What the meeting decided (L22): about the child protection plan, changes to the plan, and the next meeting.</summary>
public sealed record MeetingDecisions
{
    public PlanDecision Plan { get; init; }
    public ChildProtectionCategory? Category { get; init; }
    /// <summary>The lead child protection practitioner named by a conference that starts a plan (a social worker).</summary>
    public ProfessionalId? LeadPractitioner { get; init; }
    public string? PlanChanges { get; init; }
    public DateOnly? NextMeetingOn { get; init; }
}

/// <summary>The minutes as written: incidents apart from progress on each outcome (L22), and the child's and parents' views (L54).</summary>
public sealed record MinutesDraft
{
    public string? IncidentsSinceLast { get; init; }
    public IReadOnlyList<OutcomeProgress> Outcomes { get; init; } = [];
    public string? ChildsView { get; init; }
    public string? ParentsView { get; init; }
    public string? Discussion { get; init; }
    /// <summary>A plain-English summary for the family of what was decided and who will do what (L54).</summary>
    public string? FamilySummary { get; init; }
}

/// <summary>How an invitee's attendance was recorded when the meeting was held.</summary>
public sealed record AttendanceEntry(long InviteeId, Attendance? Attendance, bool ReportReceived);

/// <summary>What the caller knows about the chair, for the type's chair rule.</summary>
/// <param name="Chair">Who chairs.</param>
/// <param name="IndependentOfCase">Not the child's social worker or anyone with a current involvement with the child.</param>
/// <param name="IsManager">A team manager (or above) in children's social care.</param>
/// <param name="IsReviewingOfficer">An independent reviewing officer.</param>
public sealed record ChairFacts(ProfessionalId Chair, bool IndependentOfCase, bool IsManager, bool IsReviewingOfficer);

/// <summary>An overdue meeting's (or its minutes') climb up the escalation ladder.</summary>
public sealed record MeetingEscalation(MeetingId Id, PersonId ChildId, MeetingKind Kind, bool Minutes, int Level, EscalationAudience Audience,
    DateOnly DueOn, ProfessionalId Owner);
