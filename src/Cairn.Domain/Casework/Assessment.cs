using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

public enum AssessmentStatus
{
    InProgress = 1,
    /// <summary>Submitted by the lead; a manager must authorise it.</summary>
    AwaitingAuthorisation = 2,
    /// <summary>Authorised by a manager: complete, and current for its type's period.</summary>
    Authorised = 3,
}

/// <summary>Whether an assessment can be relied on today (L25).</summary>
public enum AssessmentCurrencyState
{
    /// <summary>Not yet authorised: nothing to rely on yet.</summary>
    InProgress = 1,
    Current = 2,
    OutOfDate = 3,
}

public enum AssessmentEventKind
{
    Started = 1,
    Updated = 2,
    Submitted = 3,
    Returned = 4,
    Authorised = 5,
}

public sealed record AssessmentEvent(AssessmentId AssessmentId, AssessmentEventKind Kind, ProfessionalId By, DateTimeOffset At, string? Note)
{
    public long Id { get; init; }
}

/// <summary>An assessment as someone starts it.</summary>
public sealed record AssessmentStart
{
    public AssessmentType? Type { get; init; }
    public AssessmentBasis? Basis { get; init; }
    /// <summary>For another agency's assessment: what it is, e.g. "EHCP needs assessment".</summary>
    public string? Name { get; init; }
    /// <summary>For a parenting capacity assessment: the parent or carer assessed.</summary>
    public PersonId? SubjectId { get; init; }
    public bool SubjectIsParent { get; init; }
    /// <summary>The start; for a child and family assessment, the referral date (T02: the clock starts at referral).</summary>
    public DateOnly? StartedOn { get; init; }
    public ContactId? ReferralId { get; init; }
    public Section47EnquiryId? EnquiryId { get; init; }
    public ProfessionalId? Lead { get; init; }
    public AgencyId? LeadAgency { get; init; }
}

/// <summary>The sections of an assessment (L26: health, including the GP; the voice of the child is required).</summary>
public sealed record AssessmentSections
{
    public const int MaxLength = 8000;

    public string? VoiceOfChild { get; init; }
    public string? Health { get; init; }
    /// <summary>Whether the child's GP contributed or was consulted; a child with no GP involvement is flagged (L26).</summary>
    public bool? GpInvolved { get; init; }
    public string? Findings { get; init; }
    public string? Analysis { get; init; }
    public string? Recommendations { get; init; }
    public IReadOnlyList<AgencyId> ContributingAgencies { get; init; } = [];
}

/// <summary>An overdue assessment's climb up the escalation ladder.</summary>
public sealed record AssessmentEscalation(AssessmentId Id, PersonId ChildId, ProfessionalId Lead, int Level, EscalationAudience Audience,
    DateOnly DueOn);

/// <summary>
/// An assessment of a child (L25, L26, L27, L32): its kind (<see cref="AssessmentTypes"/>), who leads it and which agencies
/// contributed, its sections (the voice of the child and health, including the GP), and a manager's authorisation. A child
/// and family assessment is due 45 working days from the referral (T02), climbs the escalation ladder when late, and cannot
/// be completed late without a reason. Once authorised it is current for its type's period, then out of date.
/// </summary>
public sealed class Assessment
{
    public const int MaxNameLength = 200;
    public const int MinReasonLength = 20;

    public static Refusal Stale => Refusal.Conflict("this assessment");

    private readonly List<AssessmentEvent> _events = [];
    private List<AgencyId> _contributingAgencies = [];
    private EscalationClock _escalation;

    private Assessment()
    {
    }

    public AssessmentId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public AssessmentType Type { get; private set; }
    public AssessmentBasis? Basis { get; private set; }
    public string? Name { get; private set; }
    public PersonId? SubjectId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public ContactId? ReferralId { get; private set; }
    public Section47EnquiryId? EnquiryId { get; private set; }
    public ProfessionalId LeadId { get; private set; }
    public AgencyId LeadAgencyId { get; private set; }
    public IReadOnlyList<AgencyId> ContributingAgencies => _contributingAgencies;
    public string? VoiceOfChild { get; private set; }
    public string? Health { get; private set; }
    public bool? GpInvolved { get; private set; }
    public string? Findings { get; private set; }
    public string? Analysis { get; private set; }
    public string? Recommendations { get; private set; }
    /// <summary>The statutory due date; null for kinds with no national timescale.</summary>
    public DateOnly? DueOn { get; private set; }
    /// <summary>The close of working hours on <see cref="DueOn"/>: when the escalation clock starts.</summary>
    public DateTimeOffset? DueAt { get; private set; }
    public AssessmentStatus Status { get; private set; }
    public ProfessionalId? SubmittedBy { get; private set; }
    /// <summary>Why it completed after its due date (T02: required when late).</summary>
    public string? LateReason { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public ProfessionalId? AuthorisedBy { get; private set; }
    public DateTimeOffset? AuthorisedAt { get; private set; }
    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AssessmentEvent> Events => _events;

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

    public string TypeName => Type == AssessmentType.OtherAgency && Name is { } n ? n : AssessmentTypes.Of(Type).Name;

    /// <summary>No GP involvement recorded (L26): shown as a flag on the assessment, not a refusal.</summary>
    public bool NoGpInvolvement => GpInvolved != true;

    public bool IsOverdue(DateOnly today) => Status != AssessmentStatus.Authorised && DueOn is { } due && today > due;

    /// <summary>The last day it is current; null until authorised.</summary>
    public DateOnly? CurrentUntil(AssessmentCurrency currency) =>
        CompletedOn?.AddMonths((currency ?? AssessmentCurrency.Default).MonthsFor(Type));

    public AssessmentCurrencyState CurrencyOn(DateOnly today, AssessmentCurrency currency) => CurrentUntil(currency) switch
    {
        null => AssessmentCurrencyState.InProgress,
        { } until when today > until => AssessmentCurrencyState.OutOfDate,
        _ => AssessmentCurrencyState.Current,
    };

    /// <param name="mayRecord">Whether the starter's agency may record this type (<see cref="AssessmentTypes.MayBeRecordedBy"/>).</param>
    public static Outcome<Assessment> Start(PersonId child, AssessmentStart draft, bool mayRecord, WorkingCalendar calendar, ProfessionalId by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(calendar);
        var today = now.InLondon();
        var errors = new List<FieldError>();
        if (draft.Type is not { } type || !Enum.IsDefined(type))
        {
            return Refusal.Of("Type", "Select the type of assessment");
        }

        var info = AssessmentTypes.Of(type);
        if (!mayRecord)
        {
            return Refusal.NotAllowed("Type", $"Only children's social care can record a {info.Name.ToLowerInvariant()}");
        }

        if (info.NeedsBasis && (draft.Basis is not { } basis || !Enum.IsDefined(basis)))
        {
            errors.Add(new("Basis", "Select whether the assessment is under section 17 or section 47"));
        }

        if (info.NeedsName && string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new("Name", "Enter what the assessment is, for example EHCP needs assessment"));
        }
        else if (draft.Name?.Trim().Length > MaxNameLength)
        {
            errors.Add(new("Name", $"The name must be {MaxNameLength} characters or fewer"));
        }

        if (info.NeedsSubject && draft.SubjectId is null)
        {
            errors.Add(new("SubjectId", "Select the parent or carer whose parenting capacity is assessed"));
        }
        else if (info.NeedsSubject && !draft.SubjectIsParent)
        {
            errors.Add(new("SubjectId", "Select a parent or carer of the child: record the relationship first if it is missing"));
        }

        if (draft.StartedOn is not { } started)
        {
            errors.Add(new("StartedOn", type == AssessmentType.ChildAndFamily
                ? "Enter the referral date: the 45 working days start from the referral"
                : "Enter the date the assessment started"));
        }
        else if (started > today)
        {
            errors.Add(new("StartedOn", "The start date must be today or in the past"));
        }
        else if (started < today.AddYears(-2))
        {
            errors.Add(new("StartedOn", "The start date must be within the last 2 years"));
        }

        if (draft.Lead is null || draft.LeadAgency is null)
        {
            errors.Add(new("LeadId", "Select who leads the assessment"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var assessment = new Assessment
        {
            Id = AssessmentId.New(),
            ChildId = child,
            Type = type,
            Basis = info.NeedsBasis ? draft.Basis : null,
            Name = info.NeedsName ? draft.Name!.Trim() : null,
            SubjectId = info.NeedsSubject ? draft.SubjectId : null,
            StartedOn = draft.StartedOn!.Value,
            ReferralId = draft.ReferralId,
            EnquiryId = draft.EnquiryId,
            LeadId = draft.Lead!.Value,
            LeadAgencyId = draft.LeadAgency!.Value,
            Status = AssessmentStatus.InProgress,
            StartedBy = by,
            StartedAt = now,
            Version = 1,
        };
        if (info.DueWorkingDays is { } days)
        {
            assessment.DueOn = calendar.AddWorkingDays(assessment.StartedOn, days);
            assessment.DueAt = calendar.CloseOf(assessment.DueOn.Value);
            assessment._escalation = EscalationClock.StartingAt(assessment.DueAt.Value);
        }

        assessment._events.Add(new AssessmentEvent(assessment.Id, AssessmentEventKind.Started, by, now, null));
        return assessment;
    }

    /// <summary>Saves the sections while the assessment is in progress; nothing is required until it is submitted.</summary>
    public Refusal? Update(AssessmentSections sections, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != AssessmentStatus.InProgress)
        {
            return Refusal.Of("Status", Status == AssessmentStatus.Authorised
                ? "An authorised assessment cannot change. Start a new assessment to update it."
                : "The assessment is waiting for authorisation: a manager must return it before it can change");
        }

        var errors = new List<FieldError>();
        foreach (var (field, text) in Texts(sections))
        {
            if (text?.Trim().Length > AssessmentSections.MaxLength)
            {
                errors.Add(new(field, $"This section must be {AssessmentSections.MaxLength:N0} characters or fewer"));
            }
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        VoiceOfChild = Clean(sections.VoiceOfChild);
        Health = Clean(sections.Health);
        GpInvolved = sections.GpInvolved;
        Findings = Clean(sections.Findings);
        Analysis = Clean(sections.Analysis);
        Recommendations = Clean(sections.Recommendations);
        _contributingAgencies = sections.ContributingAgencies.Distinct().ToList();
        _events.Add(new AssessmentEvent(Id, AssessmentEventKind.Updated, by, now, null));
        Version++;
        return null;
    }

    /// <summary>The lead submits it for authorisation: every section is required, and a reason when it is late (T02).</summary>
    public Refusal? Submit(string? lateReason, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != AssessmentStatus.InProgress)
        {
            return Refusal.Of("Status", "Only an assessment in progress can be submitted");
        }

        var errors = new List<FieldError>();
        if (VoiceOfChild is null)
        {
            errors.Add(new("VoiceOfChild",
                "Enter the voice of the child: what they said, showed or how they seemed, in their own words where possible"));
        }

        if (Health is null)
        {
            errors.Add(new("Health", "Enter the child's health, including what the GP and health services know"));
        }

        if (Findings is null)
        {
            errors.Add(new("Findings", "Enter the findings"));
        }

        if (Analysis is null)
        {
            errors.Add(new("Analysis", "Enter the analysis: what the findings mean for the child"));
        }

        if (Recommendations is null)
        {
            errors.Add(new("Recommendations", "Enter the recommendations"));
        }

        CheckLateReason(lateReason, now.InLondon(), errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        LateReason = Clean(lateReason) ?? LateReason;
        SubmittedBy = by;
        Status = AssessmentStatus.AwaitingAuthorisation;
        _events.Add(new AssessmentEvent(Id, AssessmentEventKind.Submitted, by, now, null));
        Version++;
        return null;
    }

    /// <summary>A manager authorises it; it is then complete. Not by whoever submitted it. Late needs a reason (T02).</summary>
    public Refusal? Authorise(string? lateReason, ProfessionalId manager, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != AssessmentStatus.AwaitingAuthorisation)
        {
            return Refusal.Of("Status", Status == AssessmentStatus.Authorised
                ? "This assessment has already been authorised"
                : "The lead must submit the assessment before it can be authorised");
        }

        if (SubmittedBy == manager)
        {
            return Refusal.NotAllowed("Status", "Another manager must authorise an assessment you submitted yourself");
        }

        var today = now.InLondon();
        var errors = new List<FieldError>();
        CheckLateReason(lateReason, today, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        LateReason = Clean(lateReason) ?? LateReason;
        CompletedOn = today;
        AuthorisedBy = manager;
        AuthorisedAt = now;
        Status = AssessmentStatus.Authorised;
        _escalation = _escalation.Stopped();
        _events.Add(new AssessmentEvent(Id, AssessmentEventKind.Authorised, manager, now, null));
        Version++;
        return null;
    }

    /// <summary>A manager returns it to the lead, saying what must change.</summary>
    public Refusal? Return(string? reason, ProfessionalId manager, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != AssessmentStatus.AwaitingAuthorisation)
        {
            return Refusal.Of("Status", "Only an assessment waiting for authorisation can be returned");
        }

        if (SubmittedBy == manager)
        {
            return Refusal.NotAllowed("Status", "Another manager must return an assessment you submitted yourself");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength)
        {
            return Refusal.Of("Reason", "Enter what must change before the assessment can be authorised");
        }

        Status = AssessmentStatus.InProgress;
        SubmittedBy = null;
        _events.Add(new AssessmentEvent(Id, AssessmentEventKind.Returned, manager, now, reason.Trim()));
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: climbs one rung when the assessment is overdue and not yet authorised; null when nothing is due.
    /// A repeated or interrupted sweep never escalates twice, because the next time has moved on.
    /// </summary>
    public AssessmentEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        if (Status == AssessmentStatus.Authorised || DueAt is not { } due || _escalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        return climb.Step is { } step ? new AssessmentEscalation(Id, ChildId, LeadId, step.Level, step.Audience, DueOn!.Value) : null;
    }

    private void CheckLateReason(string? lateReason, DateOnly today, List<FieldError> errors)
    {
        if (IsOverdue(today) && LateReason is null && (string.IsNullOrWhiteSpace(lateReason) || lateReason.Trim().Length < MinReasonLength))
        {
            errors.Add(new("LateReason",
                $"This assessment was due by {DueOn:d MMMM yyyy}. Enter why it is late: the reason is kept on the record"));
        }
        else if (lateReason?.Trim().Length > AssessmentSections.MaxLength)
        {
            errors.Add(new("LateReason", $"The reason must be {AssessmentSections.MaxLength:N0} characters or fewer"));
        }
    }

    private static IEnumerable<(string Field, string? Text)> Texts(AssessmentSections s) =>
    [
        ("VoiceOfChild", s.VoiceOfChild), ("Health", s.Health), ("Findings", s.Findings), ("Analysis", s.Analysis),
        ("Recommendations", s.Recommendations),
    ];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
