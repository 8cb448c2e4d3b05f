using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

/// <summary>Where the statutory care plan of one period of care stands.</summary>
public enum CarePlanDueStatus
{
    /// <summary>No care plan agreed yet since the child became looked after.</summary>
    Open = 1,
    /// <summary>A care plan was agreed (on time or late: <see cref="CarePlanDue.MetOn"/> against <see cref="CarePlanDue.DueOn"/>).</summary>
    Met = 2,
    /// <summary>The child stopped being looked after before a care plan was agreed.</summary>
    NoLongerRequired = 3,
}

/// <summary>An overdue care plan's climb up the escalation ladder: the owner and their manager first (L16).</summary>
public sealed record CarePlanEscalation(LegalStatusId Id, PersonId ChildId, ProfessionalId Owner, int Level, EscalationAudience Audience,
    DateOnly DueOn);

/// <summary>
/// T15: a child who becomes looked after must have a care plan within 10 working days (Care Planning, Placement and Case
/// Review (England) Regulations 2010, reg 4). One row per period of care, keyed by the legal status that began it: due 10
/// working days after the day the child became looked after (the day itself not counted, bank holidays skipped), met by the
/// first care plan agreed for the child, no longer required if the child stops being looked after first. Past its due date
/// and not met, it climbs the escalation ladder one rung per sweep like any late statutory step (L16).
/// </summary>
public sealed class CarePlanDue
{
    public static Refusal Stale => Refusal.Conflict("this care plan's due date");

    private EscalationClock _escalation;

    private CarePlanDue()
    {
    }

    /// <summary>The id of the legal status that began the period of care.</summary>
    public LegalStatusId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    /// <summary>The day the child became looked after.</summary>
    public DateOnly LookedAfterFrom { get; private set; }
    public DateOnly DueOn { get; private set; }
    /// <summary>The close of working hours on <see cref="DueOn"/>: when the escalation clock starts.</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>Who is told first when it is late: the child's allocated social worker, or whoever recorded the status.</summary>
    public ProfessionalId OwnerId { get; private set; }
    public CarePlanDueStatus Status { get; private set; }
    public PlanId? PlanId { get; private set; }
    /// <summary>The day the care plan was agreed, or the day the child stopped being looked after.</summary>
    public DateOnly? MetOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
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

    public bool IsOpen => Status == CarePlanDueStatus.Open;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Whether a care plan was agreed after its due date.</summary>
    public bool MetLate => Status == CarePlanDueStatus.Met && MetOn > DueOn;

    /// <summary>The care plan due for a period of care that began with <paramref name="lookedAfter"/>.</summary>
    public static CarePlanDue For(LegalStatusId lookedAfter, PersonId child, DateOnly from, ProfessionalId owner, WorkingCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddWorkingDays(from, PlanTimescales.CarePlanWorkingDays);
        var dueAt = calendar.CloseOf(due);
        return new CarePlanDue
        {
            Id = lookedAfter,
            ChildId = child,
            LookedAfterFrom = from,
            DueOn = due,
            DueAt = dueAt,
            OwnerId = owner,
            Status = CarePlanDueStatus.Open,
            CreatedAt = now,
            Version = 1,
            _escalation = EscalationClock.StartingAt(dueAt),
        };
    }

    /// <summary>A care plan was agreed: the step is met (late if after the due date). Nothing changes once closed.</summary>
    public bool Meet(PlanId plan, DateOnly agreedOn)
    {
        if (!IsOpen)
        {
            return false;
        }

        Status = CarePlanDueStatus.Met;
        PlanId = plan;
        MetOn = agreedOn;
        _escalation = _escalation.Stopped();
        Version++;
        return true;
    }

    /// <summary>The child stopped being looked after before a care plan was agreed.</summary>
    public bool NoLongerRequiredFrom(DateOnly endedOn)
    {
        if (!IsOpen)
        {
            return false;
        }

        Status = CarePlanDueStatus.NoLongerRequired;
        MetOn = endedOn;
        _escalation = _escalation.Stopped();
        Version++;
        return true;
    }

    /// <summary>Called by the sweep: one rung per sweep while overdue and not met, never twice for the same rung.</summary>
    public CarePlanEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        if (!IsOpen || _escalation.Climb(DueAt, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        return climb.Step is { } step ? new CarePlanEscalation(Id, ChildId, OwnerId, step.Level, step.Audience, DueOn) : null;
    }
}
