using Cairn.Domain.Concerns;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;

namespace Cairn.Domain.FrontDoor;

/// <summary>Who brought a concern to the front door.</summary>
public enum ContactSource
{
    Police = 1,
    School = 2,
    Health = 3,
    OtherLocalAuthority = 4,
    FamilyMember = 5,
    Public = 6,
    /// <summary>Another professional or agency: housing, a voluntary service, adult social care.</summary>
    OtherProfessional = 7,
    /// <summary>The child or young person themselves.</summary>
    ChildOrYoungPerson = 8,
    /// <summary>An early help episode closing with disengagement while concerns remain: the front door checks first (L18).</summary>
    EarlyHelpClosure = 9,
    /// <summary>A professional stepping a concern prompt up to the front door (L04).</summary>
    ConcernPrompt = 10,
}

public enum ContactStatus
{
    /// <summary>With the front door for a triage decision; the decision clock runs.</summary>
    AwaitingDecision = 1,
    /// <summary>Decided, waiting for a manager to sign off (L20); the clock still runs.</summary>
    AwaitingSignOff = 2,
    /// <summary>Decided and signed off.</summary>
    Decided = 3,
}

public enum ContactEventKind
{
    Received = 1,
    Decided = 2,
    SignedOff = 3,
    ReturnedByManager = 4,
    Escalated = 5,
    /// <summary>Received out of hours, or urgent and undecided at the close of the working day: with the Emergency Duty Team (L02).</summary>
    HeldForEmergencyDuty = 6,
    EmergencyDutyAcknowledged = 7,
    /// <summary>Immediate protective action the Emergency Duty Team took.</summary>
    EmergencyDutyAction = 8,
    /// <summary>Back with the day front door: passed on by the Emergency Duty Team, or at the start of the working day.</summary>
    HandedToFrontDoor = 9,
    /// <summary>The Emergency Duty Team missed its acknowledgement: its manager, then the on-call senior manager, is told.</summary>
    EmergencyDutyEscalated = 10,
}

/// <summary>The severity of a domestic abuse incident on the DASH risk checklist.</summary>
public enum DashRisk
{
    Standard = 1,
    Medium = 2,
    High = 3,
}

public enum IncidentType
{
    DomesticAbuse = 1,
    ViolenceInTheHome = 2,
    DrugsOrAlcohol = 3,
    MissingChild = 4,
    ChildExploitation = 5,
    Neglect = 6,
    Other = 99,
}

/// <summary>The referrer's details. A member of the public or the family may stay anonymous.</summary>
public sealed record Referrer(string? Name, string? Organisation, string? Relationship, string? Phone, string? Email, bool Anonymous)
{
    public static Referrer AnonymousCaller { get; } = new(null, null, null, null, null, true);
}

/// <summary>What a police officer reports about an incident a child was present at (L06).</summary>
public sealed record PoliceIncident(IncidentType Type, DateTimeOffset OccurredAt, DashRisk? Risk, string Reference)
{
    public bool IsDomesticAbuse => Type == IncidentType.DomesticAbuse;

    public Refusal? Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Type))
        {
            errors.Add(new("IncidentType", "Select the type of incident"));
        }

        if (OccurredAt == default)
        {
            errors.Add(new("OccurredAt", "Enter the date and time of the incident"));
        }
        else if (OccurredAt > now.AddMinutes(5))
        {
            errors.Add(new("OccurredAt", "The date and time of the incident must be in the past"));
        }
        else if (Plausible.TooEarly(OccurredAt, "The date of the incident") is { } tooEarly)
        {
            errors.Add(new("OccurredAt", tooEarly));
        }

        if (Type == IncidentType.DomesticAbuse && Risk is null)
        {
            errors.Add(new("Risk", "Select the DASH risk level for a domestic abuse incident"));
        }
        else if (Risk is { } r && !Enum.IsDefined(r))
        {
            errors.Add(new("Risk", "Select the DASH risk level"));
        }

        if (string.IsNullOrWhiteSpace(Reference))
        {
            errors.Add(new("Reference", "Enter the police incident reference"));
        }
        else if (Reference.Trim().Length > 40)
        {
            errors.Add(new("Reference", "The incident reference must be 40 characters or fewer"));
        }

        return Refusal.FromErrors(errors);
    }

    /// <summary>How significant the incident is in the child's chronology.</summary>
    public Chronology.Significance Significance => Risk switch
    {
        DashRisk.High => Chronology.Significance.Critical,
        DashRisk.Medium => Chronology.Significance.Significant,
        _ => Type == IncidentType.DomesticAbuse ? Chronology.Significance.Significant : Chronology.Significance.Routine,
    };

    public ConcernTheme Themes => Type switch
    {
        IncidentType.DomesticAbuse => ConcernTheme.DomesticAbuse,
        IncidentType.ViolenceInTheHome => ConcernTheme.PhysicalAbuse,
        IncidentType.DrugsOrAlcohol => ConcernTheme.ParentalSubstanceMisuse | ConcernTheme.ParentalAlcoholMisuse,
        IncidentType.MissingChild => ConcernTheme.Missing,
        IncidentType.ChildExploitation => ConcernTheme.Exploitation,
        IncidentType.Neglect => ConcernTheme.Neglect,
        _ => ConcernTheme.None,
    };
}

/// <summary>A contact as someone wants to record it.</summary>
/// <param name="Urgency">How soon someone must act: immediate, the same working day, or (by default) the front door's working day.</param>
public sealed record ContactDraft(ContactSource? Source, Referrer? Referrer, string? Concerns, ConcernTheme Themes, DateTimeOffset? ReceivedAt,
    Urgency? Urgency = null)
{
    public const int MaxConcernsLength = 20_000;

    public Refusal? Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (Source is not { } source || !Enum.IsDefined(source))
        {
            errors.Add(new("Source", "Select who the contact is from"));
        }

        var referrer = Referrer ?? Referrer.AnonymousCaller;
        if (referrer.Anonymous)
        {
            if (Source is not (ContactSource.Public or ContactSource.FamilyMember or ContactSource.ChildOrYoungPerson))
            {
                errors.Add(new("Anonymous",
                    "Only a member of the public, a family member or the child can stay anonymous. Enter the professional's name."));
            }
        }
        else if (string.IsNullOrWhiteSpace(referrer.Name))
        {
            errors.Add(new("ReferrerName", "Enter the referrer's name, or record them as anonymous"));
        }
        else if (string.IsNullOrWhiteSpace(referrer.Phone) && string.IsNullOrWhiteSpace(referrer.Email)
                 && Source is ContactSource.Police or ContactSource.School or ContactSource.Health or ContactSource.OtherLocalAuthority
                     or ContactSource.OtherProfessional)
        {
            errors.Add(new("ReferrerPhone", "Enter a phone number or email address so the front door can call the referrer back"));
        }

        if (string.IsNullOrWhiteSpace(Concerns))
        {
            errors.Add(new("Concerns", "Enter what the referrer is worried about"));
        }
        else if (Concerns.Length > MaxConcernsLength)
        {
            errors.Add(new("Concerns", $"The concerns must be {MaxConcernsLength:N0} characters or fewer"));
        }

        if ((Themes & ~Chronology.ChronologyContent.AllConcerns) != 0)
        {
            errors.Add(new("Themes", "Select causes for concern from the list"));
        }

        if (Urgency is { } urgency && urgency is not (Shares.Urgency.Immediate or Shares.Urgency.SameWorkingDay or Shares.Urgency.WithinWorkingDays))
        {
            errors.Add(new("Urgency", "Select how urgent the contact is"));
        }

        if (ReceivedAt is { } received && received > now.AddMinutes(5))
        {
            errors.Add(new("ReceivedAt", "The time the contact was received must be in the past"));
        }
        else if (ReceivedAt is { } earlier && Plausible.NotRecentlyReceived(earlier, now, "The time the contact was received") is { } tooLongAgo)
        {
            // Its working-day clock would be long overdue, and before 1978 could not be worked out at all.
            errors.Add(new("ReceivedAt", tooLongAgo));
        }

        return Refusal.FromErrors(errors);
    }
}

/// <summary>
/// An indicator from the threshold document that the decision maker saw, copied so the decision reads the same after the
/// document changes.
/// </summary>
public sealed record IndicatorSeen(string Code, string Text);

/// <summary>The triage decision as the front door practitioner makes it.</summary>
public sealed record TriageDraft(ThresholdLevel? Level, TriageOutcome? Outcome, string? Reasons, IReadOnlyList<IndicatorSeen> Indicators);

/// <summary>One step in a contact's life: who did what and when.</summary>
public sealed record ContactEvent(ContactId ContactId, ContactEventKind Kind, ProfessionalId? By, DateTimeOffset At, string? Note, int? Level = null)
{
    public long Id { get; init; }
}

/// <summary>An escalation the sweep must act on.</summary>
public sealed record ContactEscalation(ContactId ContactId, int Level, EscalationAudience Audience, DateTimeOffset DueAt);

/// <summary>
/// A contact at the front door about one child (L06). A contact about several children is recorded as one per child,
/// sharing a <see cref="GroupId"/>, so each child's triage decision is made and recorded on its own. The decision is
/// due within a working day of receipt (<see cref="DecisionWorkingDays"/>), needs a manager's sign-off (L20), and
/// escalates by itself when late, like a share.
/// </summary>
public sealed class Contact
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this contact");

    public const int DecisionWorkingDays = 1;
    public const int MinReasonsLength = 20;

    private readonly List<ContactEvent> _events = [];
    private readonly List<IndicatorSeen> _indicators = [];
    private EscalationClock _escalation;
    private EmergencyDutyHold _emergencyDuty;

    private Contact()
    {
        Concerns = "";
        Referrer = Referrer.AnonymousCaller;
    }

    public ContactId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public PersonId ChildId { get; private set; }
    /// <summary>Contacts recorded together (siblings in one referral, the children of one police notification).</summary>
    public Guid GroupId { get; private set; }
    public ContactSource Source { get; private set; }
    public Referrer Referrer { get; private set; }
    /// <summary>The professional who made the contact through Cairn, when it came from one.</summary>
    public ProfessionalId? ReferredBy { get; private set; }
    public string Concerns { get; private set; }
    public ConcernTheme Themes { get; private set; }
    public PoliceIncident? Incident { get; private set; }
    /// <summary>The chronology entry that records the contact in the child's history.</summary>
    public ChronologyEntryId? EntryId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset DecisionDueAt { get; private set; }
    public ContactStatus Status { get; private set; }

    public ThresholdLevel? Level { get; private set; }
    public TriageOutcome? Outcome { get; private set; }
    public string? Reasons { get; private set; }
    public IReadOnlyList<IndicatorSeen> Indicators => _indicators;
    public ProfessionalId? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public ProfessionalId? SignedOffBy { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }

    /// <summary>Where the decision stands on the escalation ladder (stored as the two properties below).</summary>
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
    /// <summary>How soon someone must act; a high-risk domestic abuse incident is always immediate.</summary>
    public Urgency Urgency { get; private set; }

    /// <summary>Whether the area's out-of-hours rules called the contact urgent when it was received (L02).</summary>
    public bool UrgentOutOfHours { get; private set; }

    /// <summary>What the Emergency Duty Team did and told the front door: immediate protective action, and its notes.</summary>
    public string? EmergencyDutyNote { get; private set; }

    /// <summary>Where the contact stands with the Emergency Duty Team (stored as the columns below).</summary>
    public EmergencyDutyHold EmergencyDuty => _emergencyDuty;

    public DateTimeOffset? EmergencyDutyPassesAt
    {
        get => _emergencyDuty.PassesAt;
        private set => _emergencyDuty = _emergencyDuty with { PassesAt = value };
    }

    public DateTimeOffset? EmergencyDutySince
    {
        get => _emergencyDuty.Since;
        private set => _emergencyDuty = _emergencyDuty with { Since = value };
    }

    public DateTimeOffset? EmergencyDutyUntil
    {
        get => _emergencyDuty.Until;
        private set => _emergencyDuty = _emergencyDuty with { Until = value };
    }

    public string? EmergencyDutyReason
    {
        get => _emergencyDuty.Reason;
        private set => _emergencyDuty = _emergencyDuty with { Reason = value };
    }

    public DateTimeOffset? EmergencyDutyAcknowledgeDueAt
    {
        get => _emergencyDuty.AcknowledgeDueAt;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgeDueAt = value };
    }

    public ProfessionalId? EmergencyDutyAcknowledgedBy
    {
        get => _emergencyDuty.AcknowledgedBy;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgedBy = value };
    }

    public DateTimeOffset? EmergencyDutyAcknowledgedAt
    {
        get => _emergencyDuty.AcknowledgedAt;
        private set => _emergencyDuty = _emergencyDuty with { AcknowledgedAt = value };
    }

    public int EmergencyDutyLevel
    {
        get => _emergencyDuty.Level;
        private set => _emergencyDuty = _emergencyDuty with { Level = value };
    }

    /// <summary>When the sweep must next look at the contact for the Emergency Duty Team; null when it need not.</summary>
    public DateTimeOffset? NextOutOfHoursAt
    {
        get => _emergencyDuty.NextAt;
        private set => _emergencyDuty = _emergencyDuty with { NextAt = value };
    }

    public int Version { get; private set; }
    public IReadOnlyList<ContactEvent> Events => _events;

    /// <summary>Why a contact went to the Emergency Duty Team: recorded on its history, shown on its queue.</summary>
    public const string ReceivedOutOfHoursReason = "Contact received out of hours";
    public const string UndecidedAtCloseReason = "Urgent contact undecided at the close of the working day";
    public const int MaxEmergencyDutyTextLength = 4000;
    public const int MaxEmergencyDutyNotesLength = 16_000;

    public bool IsOpen => Status != ContactStatus.Decided;
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= DecisionDueAt;

    /// <summary>
    /// Records a contact. Its decision is due within a working day of receipt. Recorded out of hours, it goes to the
    /// Emergency Duty Team's queue at once, whatever its urgency, until the start of the next working day (L02); an urgent
    /// one recorded in working hours passes to the Emergency Duty Team at the close of the day if still undecided.
    /// </summary>
    public static Outcome<Contact> Receive(ContactDraft draft, PersonId child, AreaId area, Guid group, ProfessionalId recordedBy,
        ProfessionalId? referredBy, PoliceIncident? incident, DateTimeOffset now, WorkingCalendar calendar, OutOfHoursRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(calendar);
        rules ??= OutOfHoursRules.Default;
        var refusal = draft.Validate(now) ?? incident?.Validate(now);
        if (refusal is not null)
        {
            return refusal;
        }

        var received = draft.ReceivedAt ?? now;
        var referrer = draft.Referrer ?? Referrer.AnonymousCaller;
        var contact = new Contact
        {
            Id = ContactId.New(),
            AreaId = area,
            ChildId = child,
            GroupId = group,
            Source = draft.Source!.Value,
            Referrer = referrer.Anonymous ? Referrer.AnonymousCaller : Tidy(referrer),
            ReferredBy = referredBy,
            Concerns = draft.Concerns!.Trim(),
            Themes = draft.Themes | (incident?.Themes ?? ConcernTheme.None),
            Incident = incident is null ? null : incident with { Reference = incident.Reference.Trim() },
            ReceivedAt = received,
            RecordedBy = recordedBy,
            DecisionDueAt = calendar.AddWorkingDays(received, DecisionWorkingDays),
            Status = ContactStatus.AwaitingDecision,
            Urgency = incident?.Risk == DashRisk.High ? Shares.Urgency.Immediate : draft.Urgency ?? Shares.Urgency.WithinWorkingDays,
            Version = 1,
        };
        contact.UrgentOutOfHours = rules.IsUrgent(contact.Urgency);
        contact._escalation = EscalationClock.StartingAt(contact.DecisionDueAt);
        contact._events.Add(new ContactEvent(contact.Id, ContactEventKind.Received, recordedBy, now, null));
        if (!calendar.IsWithinWorkingHours(now))
        {
            contact._emergencyDuty = EmergencyDutyHold.HeldFrom(now, ReceivedOutOfHoursReason, rules, calendar);
            contact._events.Add(new ContactEvent(contact.Id, ContactEventKind.HeldForEmergencyDuty, null, now, ReceivedOutOfHoursReason));
        }
        else if (contact.UrgentOutOfHours)
        {
            contact._emergencyDuty = EmergencyDutyHold.PassingAtCloseOf(now, calendar);
        }

        return Outcome<Contact>.Success(contact);
    }

    /// <summary>Links the chronology entry that records this contact in the child's history.</summary>
    public void LinkEntry(ChronologyEntryId entry) => EntryId = entry;

    /// <summary>
    /// The front door's decision: the threshold level, the outcome, the reasons and the indicators seen. It waits for
    /// a manager's sign-off. A decision the manager returned can be made again.
    /// </summary>
    public Refusal? Decide(TriageDraft draft, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (Check(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (Status != ContactStatus.AwaitingDecision)
        {
            return Refusal.Of("Contact", Status == ContactStatus.AwaitingSignOff
                ? "A decision is already waiting for a manager's sign-off"
                : "This contact has already been decided and signed off");
        }

        var errors = new List<FieldError>();
        if (draft.Level is not { } level || !Enum.IsDefined(level))
        {
            errors.Add(new("Level", "Select the level of need from the threshold document"));
        }

        if (draft.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors.Add(new("Outcome", "Select the outcome"));
        }
        else if (draft.Level is { } l && Enum.IsDefined(l) && !Fits(l, outcome))
        {
            errors.Add(new("Outcome", $"The outcome does not fit the level of need: {FitText(l)}"));
        }

        if (string.IsNullOrWhiteSpace(draft.Reasons) || draft.Reasons.Trim().Length < MinReasonsLength)
        {
            errors.Add(new("Reasons", "Enter the reasons for the decision, with what you saw in the child's history"));
        }
        else if (draft.Reasons.Length > ContactDraft.MaxConcernsLength)
        {
            errors.Add(new("Reasons", $"The reasons must be {ContactDraft.MaxConcernsLength:N0} characters or fewer"));
        }

        if (draft.Indicators.Count == 0)
        {
            errors.Add(new("Indicators", "Select the indicators from the threshold document that you saw"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Level = draft.Level;
        Outcome = draft.Outcome;
        Reasons = draft.Reasons!.Trim();
        _indicators.Clear();
        _indicators.AddRange(draft.Indicators.DistinctBy(i => i.Code));
        DecidedBy = by;
        DecidedAt = now;
        Status = ContactStatus.AwaitingSignOff;
        _events.Add(new ContactEvent(Id, ContactEventKind.Decided, by, now, $"{Level}: {Outcome}"));
        Version++;
        return null;
    }

    /// <summary>
    /// A manager signs the decision off (L20). The manager may not be the person who made the decision: oversight is a
    /// second pair of eyes.
    /// </summary>
    public Refusal? SignOff(ProfessionalId by, bool isManager, string? note, int expectedVersion, DateTimeOffset now)
    {
        if (CheckSignOff(by, isManager, expectedVersion) is { } refusal)
        {
            return refusal;
        }

        SignedOffBy = by;
        SignedOffAt = now;
        Status = ContactStatus.Decided;
        _escalation = _escalation.Stopped();
        if (_emergencyDuty.IsHeld)
        {
            _events.Add(new ContactEvent(Id, ContactEventKind.HandedToFrontDoor, null, now, EmergencyDutyNote));
        }

        _emergencyDuty = EmergencyDutyHold.None;
        _events.Add(new ContactEvent(Id, ContactEventKind.SignedOff, by, now, Blank(note)));
        Version++;
        return null;
    }

    /// <summary>A manager sends the decision back with a reason; the decision stays in the history and a new one is needed.</summary>
    public Refusal? Return(ProfessionalId by, bool isManager, string? reason, int expectedVersion, DateTimeOffset now)
    {
        if (CheckSignOff(by, isManager, expectedVersion) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Note", "Enter why the decision is being returned");
        }

        Status = ContactStatus.AwaitingDecision;
        _events.Add(new ContactEvent(Id, ContactEventKind.ReturnedByManager, by, now,
            $"Returned decision ({Level}: {Outcome}, by {DecidedBy}): {reason.Trim()}"));
        Level = null;
        Outcome = null;
        Reasons = null;
        _indicators.Clear();
        DecidedBy = null;
        DecidedAt = null;
        Version++;
        return null;
    }

    /// <summary>
    /// The Emergency Duty Team acknowledges a contact it holds (L02): someone has it in hand, so its acknowledgement clock stops.
    /// </summary>
    public Refusal? AcknowledgeEmergencyDuty(ProfessionalId by, bool byEmergencyDuty, int expectedVersion, DateTimeOffset now)
    {
        if (CheckEmergencyDuty(byEmergencyDuty, expectedVersion) is { } refusal)
        {
            return refusal;
        }

        if (_emergencyDuty.IsAcknowledged)
        {
            return Refusal.Of("Contact", "The Emergency Duty Team has already acknowledged this contact");
        }

        AcknowledgeIfNot(by, now);
        Version++;
        return null;
    }

    /// <summary>
    /// The Emergency Duty Team passes a contact it holds to the day front door (L02), with a note of what it found and any
    /// immediate protective action it took. The front door's decision clock runs on as before: in working time from receipt.
    /// </summary>
    public Refusal? PassToFrontDoor(ProfessionalId by, bool byEmergencyDuty, string? protectiveAction, string? note, int expectedVersion,
        DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (CheckEmergencyDuty(byEmergencyDuty, expectedVersion) is { } refusal)
        {
            return refusal;
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add(new("Note", "Enter what the Emergency Duty Team found and what the front door needs to know"));
        }
        else if (note.Trim().Length > MaxEmergencyDutyTextLength)
        {
            errors.Add(new("Note", $"The note must be {MaxEmergencyDutyTextLength:N0} characters or fewer"));
        }

        else if ((EmergencyDutyNote?.Length ?? 0) + note.Trim().Length + (protectiveAction?.Trim().Length ?? 0) + 40 > MaxEmergencyDutyNotesLength)
        {
            errors.Add(new("Note", "The Emergency Duty Team's notes on this contact are full: add a chronology entry instead"));
        }

        if (protectiveAction is not null && protectiveAction.Trim().Length > MaxEmergencyDutyTextLength)
        {
            errors.Add(new("ProtectiveAction", $"The protective action must be {MaxEmergencyDutyTextLength:N0} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } invalid)
        {
            return invalid;
        }

        AcknowledgeIfNot(by, now);
        var action = Blank(protectiveAction);
        if (action is not null)
        {
            _events.Add(new ContactEvent(Id, ContactEventKind.EmergencyDutyAction, by, now, action));
        }

        var text = action is null ? note!.Trim() : $"Immediate protective action: {action}\n\n{note!.Trim()}";
        EmergencyDutyNote = EmergencyDutyNote is null ? text : $"{EmergencyDutyNote}\n\n{text}";
        _events.Add(new ContactEvent(Id, ContactEventKind.HandedToFrontDoor, by, now, note.Trim()));
        _emergencyDuty = UrgentOutOfHours ? EmergencyDutyHold.PassingAtCloseOf(now, calendar) : EmergencyDutyHold.None;
        Version++;
        return null;
    }

    /// <summary>
    /// The sweep's look at a contact: the Emergency Duty Team's part first (hand back at the start of the working day;
    /// a missed acknowledgement; an urgent contact undecided at the close of the day), then one rung of the ladder when the
    /// decision is late. Returns what the sweep must tell, or null.
    /// </summary>
    public ContactEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar, OutOfHoursRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (SweepEmergencyDuty(now, calendar, rules ?? OutOfHoursRules.Default) is { } missed)
        {
            return missed;
        }

        if (!IsOpen || _escalation.Climb(DecisionDueAt, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        if (climb.Step is not { } step)
        {
            return null;
        }

        _events.Add(new ContactEvent(Id, ContactEventKind.Escalated, null, now, null, step.Level));
        return new ContactEscalation(Id, step.Level, step.Audience, DecisionDueAt);
    }

    /// <summary>Which outcomes each level of need allows.</summary>
    public static bool Fits(ThresholdLevel level, TriageOutcome outcome) => level switch
    {
        ThresholdLevel.Universal => outcome == TriageOutcome.NoFurtherAction,
        ThresholdLevel.EarlyHelp => outcome is TriageOutcome.EarlyHelp or TriageOutcome.NoFurtherAction,
        ThresholdLevel.Targeted => outcome is TriageOutcome.EarlyHelp or TriageOutcome.Assessment,
        ThresholdLevel.Statutory => outcome is TriageOutcome.Assessment or TriageOutcome.StrategyDiscussion or TriageOutcome.ImmediateProtection,
        _ => false,
    };

    private static string FitText(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Universal => "universal needs are met with information and advice",
        ThresholdLevel.EarlyHelp => "early help needs lead to early help, or information and advice",
        ThresholdLevel.Targeted => "targeted needs lead to early help or a child and family assessment",
        _ => "statutory needs lead to an assessment, a strategy discussion or immediate protection",
    };

    private ContactEscalation? SweepEmergencyDuty(DateTimeOffset now, WorkingCalendar calendar, OutOfHoursRules rules)
    {
        var hold = _emergencyDuty;
        if (hold.IsHandBackDue(now))
        {
            var at = hold.Until!.Value;
            _events.Add(new ContactEvent(Id, ContactEventKind.HandedToFrontDoor, null, at, EmergencyDutyNote));
            _emergencyDuty = IsOpen && UrgentOutOfHours ? EmergencyDutyHold.PassingAtCloseOf(at, calendar) : EmergencyDutyHold.None;
            Version++;
            return null;
        }

        if (hold.Climb(now, rules) is var (climbed, escalation))
        {
            _emergencyDuty = climbed;
            _events.Add(new ContactEvent(Id, ContactEventKind.EmergencyDutyEscalated, null, now, null, escalation.Level));
            Version++;
            return new ContactEscalation(Id, escalation.Level, escalation.Audience, escalation.AcknowledgeDueAt);
        }

        if (hold.PassesBy(now))
        {
            var at = hold.PassesAt!.Value;
            if (IsOpen && UrgentOutOfHours)
            {
                _emergencyDuty = EmergencyDutyHold.HeldFrom(at, UndecidedAtCloseReason, rules, calendar);
                _events.Add(new ContactEvent(Id, ContactEventKind.HeldForEmergencyDuty, null, at, UndecidedAtCloseReason));
            }
            else
            {
                _emergencyDuty = EmergencyDutyHold.None;
            }

            Version++;
        }

        return null;
    }

    private void AcknowledgeIfNot(ProfessionalId by, DateTimeOffset now)
    {
        if (_emergencyDuty.IsHeld && !_emergencyDuty.IsAcknowledged)
        {
            _emergencyDuty = _emergencyDuty.Acknowledged(by, now);
            _events.Add(new ContactEvent(Id, ContactEventKind.EmergencyDutyAcknowledged, by, now, null));
        }
    }

    private Refusal? CheckEmergencyDuty(bool byEmergencyDuty, int expectedVersion)
    {
        if (Check(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (!_emergencyDuty.IsHeld)
        {
            return Refusal.Of("Contact", "This contact is no longer with the Emergency Duty Team");
        }

        return byEmergencyDuty ? null : Refusal.NotAllowed("Contact", "Only the Emergency Duty Team can act on a contact it holds");
    }

    private Refusal? CheckSignOff(ProfessionalId by, bool isManager, int expectedVersion)
    {
        if (Check(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (Status != ContactStatus.AwaitingSignOff)
        {
            return Refusal.Of("Contact", "There is no decision waiting for sign-off");
        }

        if (!isManager)
        {
            return Refusal.Of("Contact", "Only a team manager can sign off a front door decision");
        }

        return by == DecidedBy ? Refusal.Of("Contact", "A decision must be signed off by a manager other than the person who made it") : null;
    }

    private Refusal? Check(int expectedVersion) => expectedVersion == Version
        ? null
        : Stale;

    private static Referrer Tidy(Referrer r) =>
        new(Blank(r.Name), Blank(r.Organisation), Blank(r.Relationship), Blank(r.Phone), Blank(r.Email), false);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
