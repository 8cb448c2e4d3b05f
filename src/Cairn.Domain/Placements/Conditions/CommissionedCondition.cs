using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Placements.Conditions;

/// <summary>What a placement was commissioned to deliver (L38).</summary>
public enum ConditionKind
{
    /// <summary>A staffing ratio, e.g. two staff to the child at all times.</summary>
    Staffing = 1,
    WakingNightStaff = 2,
    /// <summary>A deprivation of liberty order in place, with the arrangements it authorises.</summary>
    DeprivationOfLibertyOrder = 3,
    EducationProvision = 4,
    TherapeuticSupport = 5,
    Other = 6,
}

/// <summary>Who saw whether a condition was delivered.</summary>
public enum ObservationSource
{
    /// <summary>The social worker or IRO on a statutory visit.</summary>
    Visit = 1,
    /// <summary>What the child said.</summary>
    Child = 2,
    Parent = 3,
    /// <summary>The setting's own staff or manager.</summary>
    SettingStaff = 4,
    /// <summary>Another professional: a teacher, a health worker, the police.</summary>
    OtherProfessional = 5,
}

/// <summary>Whether the condition was delivered when observed.</summary>
public enum Delivery
{
    Delivered = 1,
    PartlyDelivered = 2,
    NotDelivered = 3,
}

/// <summary>Who a breach is told to, as a followed-through share (L38).</summary>
public enum BreachAuthority
{
    /// <summary>The regulator of the setting (Ofsted or the CQC), through its contact in the area.</summary>
    Regulator = 1,
    /// <summary>The Designated Officer (LADO), when the breach may be about how staff behave towards children.</summary>
    DesignatedOfficer = 2,
}

/// <summary>One observation of whether a condition was delivered: when, by whom, from what source, what was seen (never logged).</summary>
public sealed class ConditionObservation
{
    private ConditionObservation()
    {
        Note = "";
    }

    public Guid Id { get; private set; }
    public DateOnly ObservedOn { get; private set; }
    public ObservationSource Source { get; private set; }
    public Delivery Delivery { get; private set; }
    public string Note { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsBreach => Delivery != Delivery.Delivered;

    internal static ConditionObservation Of(DateOnly on, ObservationSource source, Delivery delivery, string note, ProfessionalId by,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            ObservedOn = on,
            Source = source,
            Delivery = delivery,
            Note = note,
            RecordedBy = by,
            RecordedAt = now,
        };
}

/// <summary>A breach not followed by a risk assessment in time, climbing the escalation ladder (L38).</summary>
public sealed record ConditionBreachEscalation(CommissionedConditionId Id, PersonId ChildId, int Level, EscalationAudience Audience,
    DateTimeOffset DueAt);

/// <summary>
/// A condition a placement was commissioned to deliver (L38): 2:1 staffing at all times, waking night staff, a deprivation of
/// liberty order in place, education provision. Anyone who may open the child's record records what they observe of its delivery —
/// on a visit, from the child, a parent or the setting's staff. An observation that it was not (or only partly) delivered is a
/// breach: a risk assessment of the child must follow within <see cref="RiskAssessmentWorkingDays"/> working days, and until one
/// is linked the breach climbs the escalation ladder, one rung per sweep. The regulator and the Designated Officer can be told as
/// followed-through shares, each recorded on the breach. Nothing is deleted; every change moves <see cref="Version"/> on.
/// </summary>
public sealed class CommissionedCondition
{
    /// <summary>Working days from a breach being recorded to a risk assessment of the child being linked to it.</summary>
    public const int RiskAssessmentWorkingDays = 2;

    public const int MaxDescriptionLength = 500;
    public const int MaxNoteLength = 2000;

    public static Refusal Stale => Refusal.Conflict("this condition");

    private readonly List<ConditionObservation> _observations = [];
    private EscalationClock _escalation;

    private CommissionedCondition()
    {
        Description = "";
    }

    public CommissionedConditionId Id { get; private set; }
    public PlacementId PlacementId { get; private set; }
    public PersonId ChildId { get; private set; }
    public ConditionKind Kind { get; private set; }
    public string Description { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<ConditionObservation> Observations => _observations;

    /// <summary>When the breach now open was recorded; null when there is none (delivered, or its risk assessment linked).</summary>
    public DateTimeOffset? BreachRecordedAt { get; private set; }

    /// <summary>The day the breach now open was observed.</summary>
    public DateOnly? BreachObservedOn { get; private set; }

    /// <summary>When the open breach's risk assessment is due: <see cref="RiskAssessmentWorkingDays"/> working days after it was recorded.</summary>
    public DateTimeOffset? RiskAssessmentDueAt { get; private set; }

    /// <summary>The risk assessment that answered the last breach.</summary>
    public AssessmentId? RiskAssessmentId { get; private set; }

    /// <summary>Set by the sweep once the open breach's risk assessment was late; kept until the next breach.</summary>
    public bool RiskAssessmentOverdue { get; private set; }

    /// <summary>How many breaches have been recorded on this condition in all.</summary>
    public int Breaches { get; private set; }

    public ShareId? RegulatorShareId { get; private set; }
    public ShareId? DesignatedOfficerShareId { get; private set; }
    public int Version { get; private set; }

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

    public bool BreachOpen => BreachRecordedAt is not null;

    /// <summary>Whether, at <paramref name="now"/>, a breach is open and its risk assessment is late.</summary>
    public bool RiskAssessmentLateAt(DateTimeOffset now) => BreachOpen && RiskAssessmentDueAt is { } due && now > due;

    /// <summary>Records a condition on a current placement, from a date within the placement.</summary>
    public static Outcome<CommissionedCondition> Record(Placement placement, ConditionKind? kind, string? description, DateOnly? from,
        ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var errors = new List<FieldError>();
        if (placement.EndedOn is not null)
        {
            return Refusal.Of("Kind", "This placement has ended: record conditions on the child's current placement");
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(new("Kind", "Select what the placement was commissioned to deliver"));
        }

        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new("Description", "Describe the condition, for example \"two staff with her at all times, day and night\""));
        }
        else if (text.Length > MaxDescriptionLength)
        {
            errors.Add(new("Description", $"Describe the condition in {MaxDescriptionLength} characters or fewer"));
        }

        if (from is not { } on)
        {
            errors.Add(new("From", "Enter the date the condition applies from"));
        }
        else if (on < placement.StartedOn || on > now.InLondon())
        {
            errors.Add(new("From", "The condition must apply from a date between the start of the placement and today"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new CommissionedCondition
        {
            Id = CommissionedConditionId.New(),
            PlacementId = placement.Id,
            ChildId = placement.ChildId,
            Kind = kind!.Value,
            Description = text!,
            From = from!.Value,
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// Records what was observed of the condition's delivery. One not (or only partly) delivered opens a breach, when none is open:
    /// a risk assessment is then due within <see cref="RiskAssessmentWorkingDays"/> working days and the escalation clock starts.
    /// A further breach while one is open is recorded and counted; the clock already runs.
    /// </summary>
    public Refusal? Observe(DateOnly? observedOn, ObservationSource? source, Delivery? delivery, string? note, ProfessionalId by,
        int? expectedVersion, WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var errors = new List<FieldError>();
        if (EndedOn is not null)
        {
            return Refusal.Of("ObservedOn", "This condition has ended");
        }

        if (observedOn is not { } on)
        {
            errors.Add(new("ObservedOn", "Enter the date it was observed"));
        }
        else if (on < From || on > now.InLondon())
        {
            errors.Add(new("ObservedOn", "The date observed must be between the date the condition applies from and today"));
        }

        if (source is not { } s || !Enum.IsDefined(s))
        {
            errors.Add(new("Source", "Select who saw it or said it"));
        }

        if (delivery is not { } d || !Enum.IsDefined(d))
        {
            errors.Add(new("Delivery", "Select whether the condition was delivered"));
        }

        var text = note?.Trim() ?? "";
        if (delivery is Delivery.NotDelivered or Delivery.PartlyDelivered && text.Length == 0)
        {
            errors.Add(new("Note", "Say what was not delivered"));
        }
        else if (text.Length > MaxNoteLength)
        {
            errors.Add(new("Note", $"Use {MaxNoteLength:N0} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var observation = ConditionObservation.Of(observedOn!.Value, source!.Value, delivery!.Value, text, by, now);
        _observations.Add(observation);
        if (observation.IsBreach)
        {
            Breaches++;
            if (!BreachOpen)
            {
                BreachRecordedAt = now;
                BreachObservedOn = observation.ObservedOn;
                RiskAssessmentDueAt = calendar.AddWorkingDays(now, RiskAssessmentWorkingDays);
                RiskAssessmentOverdue = false;
                RegulatorShareId = null;
                DesignatedOfficerShareId = null;
                _escalation = EscalationClock.StartingAt(RiskAssessmentDueAt.Value);
            }
        }

        Version++;
        return null;
    }

    /// <summary>
    /// Links the risk assessment that answers the open breach: one of the child's risk assessments, started on or after the day the
    /// breach was observed. It closes the breach and stops the clock; a late one still answers it and the lateness stays recorded.
    /// </summary>
    public Refusal? AnswerBreach(AssessmentId assessment, PersonId assessmentChild, bool isRiskAssessment, DateOnly assessmentStartedOn,
        int? expectedVersion)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (!BreachOpen)
        {
            return Refusal.Of("AssessmentId", "There is no breach waiting for a risk assessment");
        }

        if (assessmentChild != ChildId || !isRiskAssessment)
        {
            return Refusal.Of("AssessmentId", "Select a risk assessment of this child");
        }

        if (assessmentStartedOn < BreachObservedOn)
        {
            return Refusal.Of("AssessmentId", "The risk assessment must have started on or after the day the breach was observed");
        }

        RiskAssessmentId = assessment;
        BreachRecordedAt = null;
        BreachObservedOn = null;
        _escalation = _escalation.Stopped();
        Version++;
        return null;
    }

    /// <summary>Why the regulator or the Designated Officer cannot be told of a breach now (no open breach, or told already), or null.</summary>
    public Refusal? NoticeRefusal(BreachAuthority to, int? expectedVersion)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (!BreachOpen)
        {
            return Refusal.Of("To", "There is no open breach to tell anyone about");
        }

        return (to == BreachAuthority.Regulator ? RegulatorShareId : DesignatedOfficerShareId) is null
            ? null
            : Refusal.Conflict("this condition", to == BreachAuthority.Regulator
                ? "The regulator has already been told of this breach."
                : "The Designated Officer has already been told of this breach.");
    }

    /// <summary>Records the share that told the regulator or the Designated Officer of the open breach; once each per breach.</summary>
    public Refusal? RecordNotice(BreachAuthority to, ShareId share, int? expectedVersion)
    {
        if (NoticeRefusal(to, expectedVersion) is { } refusal)
        {
            return refusal;
        }

        if (to == BreachAuthority.Regulator)
        {
            RegulatorShareId = share;
        }
        else
        {
            DesignatedOfficerShareId = share;
        }

        Version++;
        return null;
    }

    /// <summary>Ends the condition (no longer commissioned, or the placement ended); an open breach stays until answered.</summary>
    public Refusal? End(DateOnly? endedOn, int? expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Conflict("this condition", "This condition has already ended.");
        }

        if (endedOn is not { } on || on < From || on > now.InLondon())
        {
            return Refusal.Of("EndedOn", "The condition must end between the date it applied from and today");
        }

        EndedOn = on;
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: once the risk assessment is late, the condition is marked overdue and climbs one rung per sweep, never
    /// twice for the same rung; a linked assessment, or the top of the ladder, stops it.
    /// </summary>
    public ConditionBreachEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        if (!BreachOpen || RiskAssessmentDueAt is not { } due || _escalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        RiskAssessmentOverdue = true;
        Version++;
        return climb.Step is { } step ? new ConditionBreachEscalation(Id, ChildId, step.Level, step.Audience, due) : null;
    }
}
