using Cairn.Domain.Children;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Meetings;

/// <summary>
/// A meeting about a child that Cairn knows the rules of (L16, L21, L22, L54): scheduled from its trigger with its due date,
/// arranged (moving it past its due date needs a reason and a manager), with invitations to the roles its type requires,
/// held with attendance and quorum checked, its decisions recorded, and minutes that keep incidents apart from progress on
/// each outcome, confirmed by the chair and sent within the type's timescale. Not held by its due date, or its minutes not
/// sent by theirs, it climbs the escalation ladder.
/// </summary>
public sealed partial class Meeting
{
    public const int MaxVenueLength = 300;
    public const int MaxTextLength = 8000;
    public const int MinReasonLength = 20;
    public const int MaxInvitees = 60;

    public static Refusal Stale => Refusal.Conflict("this meeting");

    private readonly List<MeetingEvent> _events = [];
    private readonly List<MeetingInvitee> _invitees = [];
    private List<OutcomeProgress> _outcomes = [];
    private EscalationClock _escalation;

    private Meeting()
    {
    }

    public MeetingId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public MeetingKind Kind { get; private set; }
    /// <summary>Which of its kind in the chain this is: the 1st looked-after review, the 2nd…</summary>
    public int Number { get; private set; }
    public MeetingStatus Status { get; private set; }
    public MeetingTrigger Trigger { get; private set; }
    /// <summary>The enquiry, plan, placement or earlier meeting that triggered it.</summary>
    public Guid? TriggerId { get; private set; }
    public DateOnly TriggeredOn { get; private set; }
    /// <summary>The last day it may be held on; null for a meeting with no timescale (a professionals' meeting).</summary>
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>Who arranges it and is told first when it is late: the child's social worker or lead professional.</summary>
    public ProfessionalId OwnerId { get; private set; }
    public DateTimeOffset? ScheduledAt { get; private set; }
    public string? Venue { get; private set; }
    public ProfessionalId? ChairId { get; private set; }
    /// <summary>Why it was arranged after its due date, and the manager who agreed (L16).</summary>
    public string? MoveReason { get; private set; }
    public ProfessionalId? MoveAgreedBy { get; private set; }
    public DateOnly? HeldOn { get; private set; }
    /// <summary>Why it was held without someone in a role its type requires.</summary>
    public string? MissingRolesReason { get; private set; }
    public bool? Quorate { get; private set; }
    /// <summary>Why an inquorate meeting went ahead (the chair's decision); it then decides nothing about the plan.</summary>
    public string? InquorateReason { get; private set; }
    public PlanDecision PlanDecision { get; private set; }
    public ChildProtectionCategory? Category { get; private set; }
    public ProfessionalId? LeadPractitionerId { get; private set; }
    public string? PlanChanges { get; private set; }
    public DateOnly? NextMeetingOn { get; private set; }
    public string? IncidentsSinceLast { get; private set; }
    public IReadOnlyList<OutcomeProgress> Outcomes => _outcomes;
    public string? ChildsView { get; private set; }
    public string? ParentsView { get; private set; }
    public string? Discussion { get; private set; }
    public string? FamilySummary { get; private set; }
    public MinutesStatus MinutesStatus { get; private set; }
    public DateOnly? MinutesDueOn { get; private set; }
    public DateTimeOffset? MinutesDueAt { get; private set; }
    public ProfessionalId? MinutesConfirmedBy { get; private set; }
    public DateTimeOffset? MinutesSentAt { get; private set; }
    public string? CancelReason { get; private set; }
    public ProfessionalId? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<MeetingEvent> Events => _events;
    public IReadOnlyList<MeetingInvitee> Invitees => _invitees;

    public EscalationClock Escalation => _escalation;

    public int EscalationLevel
    {
        get => _escalation.Level;
        private set => _escalation = _escalation with { Level = value };
    }

    public DateTimeOffset? NextEscalationAt
    {
        get => _escalation.NextAt;
        private set => _escalation = _escalation with { NextAt = value };
    }

    public MeetingTypeInfo Type => MeetingTypes.Of(Kind);

    public bool IsOpen => Status == MeetingStatus.Scheduled;

    /// <summary>Due and not held by the close of its due date (L16).</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == MeetingStatus.Scheduled && DueAt is { } due && now > due;

    /// <summary>Held, and the minutes not confirmed and sent by their due date (L21).</summary>
    public bool MinutesOverdue(DateTimeOffset now) =>
        Status == MeetingStatus.Held && MinutesStatus != MinutesStatus.Sent && MinutesDueAt is { } due && now > due;

    /// <summary>
    /// A meeting its trigger requires (or someone arranged), due when <paramref name="due"/> says. <paramref name="by"/> is
    /// null when Cairn scheduled it itself from the trigger.
    /// </summary>
    public static Meeting Schedule(PersonId child, MeetingKind kind, int number, MeetingTrigger trigger, Guid? triggerId, DateOnly triggeredOn,
        MeetingDue? due, ProfessionalId owner, ProfessionalId? by, DateTimeOffset now)
    {
        var meeting = new Meeting
        {
            Id = MeetingId.New(),
            ChildId = child,
            Kind = kind,
            Number = Math.Max(1, number),
            Status = MeetingStatus.Scheduled,
            Trigger = trigger,
            TriggerId = triggerId,
            TriggeredOn = triggeredOn,
            DueOn = due?.DueOn,
            DueAt = due?.DueAt,
            OwnerId = owner,
            CreatedBy = by,
            CreatedAt = now,
            Version = 1,
        };
        meeting._escalation = due is { } d ? EscalationClock.StartingAt(d.DueAt) : default;
        meeting._events.Add(new MeetingEvent(meeting.Id, MeetingEventKind.Scheduled, by, now,
            due is { } dd ? $"due by {dd.DueOn:d MMMM yyyy}" : null));
        return meeting;
    }

    /// <summary>
    /// Sets (or moves) the date, place and chair. A date after the due date needs a reason and a manager (L16); the chair must
    /// meet the type's chair rule (an independent chair for a conference, the reviewing officer for a looked-after review).
    /// </summary>
    public Refusal? Arrange(DateTimeOffset? at, string? venue, ChairFacts? chair, string? moveReason, bool byIsManager, ProfessionalId by,
        int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != MeetingStatus.Scheduled)
        {
            return Refusal.Of("Status", Status == MeetingStatus.Held ? "This meeting has been held" : "This meeting was cancelled");
        }

        var errors = new List<FieldError>();
        if (at is null)
        {
            errors.Add(new("ScheduledAt", "Enter the date and time of the meeting"));
        }
        else if (at.Value.InLondon() < now.InLondon())
        {
            errors.Add(new("ScheduledAt", "The meeting must be today or in the future"));
        }
        else if (at.Value > now.AddYears(1))
        {
            errors.Add(new("ScheduledAt", "The meeting must be within the next year"));
        }

        if (venue?.Trim().Length > MaxVenueLength)
        {
            errors.Add(new("Venue", $"The venue must be {MaxVenueLength} characters or fewer"));
        }

        CheckChair(chair, errors);
        var late = at is { } when && DueOn is { } due && when.InLondon() > due;
        if (late)
        {
            CheckReason(moveReason, "MoveReason", $"The meeting is due by {DueOn:d MMMM yyyy}. Enter why it will be held later", errors);
            if (!byIsManager)
            {
                errors.Add(new("MoveReason", $"The meeting is due by {DueOn:d MMMM yyyy}: only a manager can agree to hold it later"));
            }
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var moved = ScheduledAt is not null;
        ScheduledAt = at;
        Venue = Clean(venue);
        ChairId = chair?.Chair;
        MoveReason = late ? moveReason!.Trim() : null;
        MoveAgreedBy = late ? by : null;
        _events.Add(new MeetingEvent(Id, moved ? MeetingEventKind.Moved : MeetingEventKind.Arranged, by, now,
            $"{at!.Value.InLondon():d MMMM yyyy}" + (late ? " (after the due date, agreed by a manager)" : "")));
        Version++;
        return null;
    }

    /// <summary>Invites someone: a professional with their agency, or a member of the family. Nobody is invited twice.</summary>
    public Outcome<MeetingInvitee> Invite(InviteeDraft draft, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Status != MeetingStatus.Scheduled)
        {
            return Refusal.Of("Status", "Invitations can be sent only before the meeting is held");
        }

        if (!Enum.IsDefined(draft.Role) || draft.Role == MeetingRole.Chair)
        {
            return Refusal.Of("Role", "Select the role they have at the meeting");
        }

        if ((draft.Professional is null) == (draft.Person is null) || (draft.Professional is not null && draft.Agency is null))
        {
            return Refusal.Of("ProfessionalId", "Select a professional, or a member of the family, to invite");
        }

        if (_invitees.Any(i => (draft.Professional is { } p && i.ProfessionalId == p) || (draft.Person is { } f && i.PersonId == f)))
        {
            return Refusal.Of("ProfessionalId", "They are already invited to this meeting");
        }

        if (_invitees.Count >= MaxInvitees)
        {
            return Refusal.Of("ProfessionalId", $"A meeting can have at most {MaxInvitees} invitations");
        }

        var invitee = MeetingInvitee.Create(Id, draft.Role, draft.Professional, draft.Agency, draft.Person, Clean(draft.Because), by, now);
        _invitees.Add(invitee);
        _events.Add(new MeetingEvent(Id, MeetingEventKind.Invited, by, now, draft.Role.ToString()));
        Version++;
        return invitee;
    }

    /// <summary>The roles the type requires that nobody is invited in (health is met by the GP too; the reviewing officer by the chair).</summary>
    public IReadOnlyList<MeetingRole> MissingRoles(MeetingTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.RequiredRoles.Where(role => !Covers(role)).ToList();
    }

    /// <summary>Records the invitation share that carried an invitation to a professional.</summary>
    public void RecordInvitationShare(MeetingInvitee invitee, ShareId share)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        if (!_invitees.Contains(invitee))
        {
            throw new ArgumentException("Not invited to this meeting", nameof(invitee));
        }

        invitee.InvitationShareId = share;
    }

    private bool Covers(MeetingRole role) => role switch
    {
        MeetingRole.Health => _invitees.Any(i => i.Role is MeetingRole.Health or MeetingRole.Gp),
        MeetingRole.IndependentReviewingOfficer => ChairId is not null || _invitees.Any(i => i.Role == role),
        MeetingRole.Chair => ChairId is not null,
        _ => _invitees.Any(i => i.Role == role),
    };

    private void CheckChair(ChairFacts? chair, List<FieldError> errors)
    {
        if (chair is null)
        {
            return;
        }

        var problem = Type.Chair switch
        {
            ChairRule.IndependentOfCase when !chair.IndependentOfCase =>
                "The chair must be independent of the case: not the child's social worker or anyone involved with the child",
            ChairRule.IndependentReviewingOfficer when !chair.IsReviewingOfficer || !chair.IndependentOfCase =>
                "A looked-after review is chaired by the child's independent reviewing officer, who is not involved in the case",
            ChairRule.Manager when !chair.IsManager => "The chair must be a manager in children's social care",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new("ChairId", problem));
        }
    }

    private static void CheckReason(string? reason, string field, string message, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength)
        {
            errors.Add(new(field, $"{message} (at least {MinReasonLength} characters)"));
        }
        else if (reason.Trim().Length > MaxTextLength)
        {
            errors.Add(new(field, $"The reason must be {MaxTextLength:N0} characters or fewer"));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
