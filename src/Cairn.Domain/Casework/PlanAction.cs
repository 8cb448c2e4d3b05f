using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

/// <summary>An overdue action's climb up the escalation ladder: the owner and their manager first (L23).</summary>
public sealed record PlanActionEscalation(PlanActionId Id, PlanId PlanId, PersonId ChildId, ProfessionalId Owner, int Level,
    EscalationAudience Audience, DateOnly DueOn);

/// <summary>
/// An action of an agreed plan as it stands (L23): its owner, due date and status, kept up to date between versions of the plan
/// so that owners and their managers see what is overdue, and overdue actions climb the escalation ladder one rung per sweep.
/// The plan's agreed versions say what was agreed; this row says where the action stands now. Keyed by the action's key,
/// which stays the same across versions.
/// </summary>
public sealed class PlanAction
{
    public const int MaxNoteLength = 2000;

    public static Refusal Stale => Refusal.Conflict("this action");

    private EscalationClock _escalation;

    private PlanAction()
    {
        What = "";
    }

    public PlanActionId Id { get; private set; }
    public PlanId PlanId { get; private set; }
    public PersonId ChildId { get; private set; }
    public Guid Key { get; private set; }
    public string What { get; private set; }
    public ProfessionalId OwnerId { get; private set; }
    public AgencyId OwnerAgencyId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public PlanActionStatus Status { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? Note { get; private set; }
    /// <summary>False once a later agreed version of the plan no longer has it, or the plan ended.</summary>
    public bool InForce { get; private set; }
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

    public bool IsOpen => InForce && Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>
    /// Brings the actions of a plan into line with the version just agreed: new actions are added, changed ones updated (a new
    /// due date restarts the escalation clock), and those the version no longer has stop being in force. Returns the new rows.
    /// </summary>
    public static IReadOnlyList<PlanAction> Sync(Plan plan, PlanVersion agreed, IReadOnlyList<PlanAction> existing, WorkingCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(agreed);
        ArgumentNullException.ThrowIfNull(calendar);
        var byKey = existing.ToDictionary(a => a.Key);
        var added = new List<PlanAction>();
        var keep = new HashSet<Guid>();
        foreach (var action in agreed.Actions)
        {
            keep.Add(action.Key);
            if (!byKey.TryGetValue(action.Key, out var row))
            {
                row = new PlanAction { Id = PlanActionId.New(), PlanId = plan.Id, ChildId = plan.ChildId, Key = action.Key, Version = 1 };
                added.Add(row);
            }
            else
            {
                row.Version++;
            }

            var dueChanged = row.DueOn != action.DueOn || !row.InForce;
            row.What = action.What;
            row.OwnerId = action.Owner;
            row.OwnerAgencyId = action.OwnerAgency;
            row.DueOn = action.DueOn;
            row.InForce = true;
            row.SetStatus(action.Status, now);
            if (dueChanged || row.Version == 1)
            {
                row._escalation = row.IsOpen ? EscalationClock.StartingAt(calendar.CloseOf(row.DueOn)) : default;
            }
        }

        foreach (var row in existing.Where(r => !keep.Contains(r.Key) && r.InForce))
        {
            row.InForce = false;
            row._escalation = row._escalation.Stopped();
            row.Version++;
        }

        return added;
    }

    /// <summary>Takes every action out of force: the plan ended.</summary>
    public static void EndAll(IEnumerable<PlanAction> actions)
    {
        foreach (var row in actions.Where(r => r.InForce))
        {
            row.InForce = false;
            row._escalation = row._escalation.Stopped();
            row.Version++;
        }
    }

    /// <summary>The owner (or the plan's lead, or a manager) says where the action stands.</summary>
    public Refusal? Update(PlanActionStatus? status, string? note, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (!InForce)
        {
            return Refusal.Of("Status", "This action is no longer part of the plan in force");
        }

        if (status is not { } s || !Enum.IsDefined(s))
        {
            return Refusal.Of("Status", "Select where the action stands");
        }

        if (note?.Trim().Length > MaxNoteLength)
        {
            return Refusal.Of("Note", $"The note must be {MaxNoteLength:N0} characters or fewer");
        }

        if (s == PlanActionStatus.NoLongerNeeded && string.IsNullOrWhiteSpace(note))
        {
            return Refusal.Of("Note", "Say why the action is no longer needed");
        }

        SetStatus(s, now);
        Note = string.IsNullOrWhiteSpace(note) ? Note : note.Trim();
        Version++;
        return null;
    }

    /// <summary>Called by the sweep: one rung per overdue action per sweep, never twice for the same rung.</summary>
    public PlanActionEscalation? Sweep(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        if (!IsOpen || _escalation.Climb(calendar.CloseOf(DueOn), now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        Version++;
        return climb.Step is { } step ? new PlanActionEscalation(Id, PlanId, ChildId, OwnerId, step.Level, step.Audience, DueOn) : null;
    }

    private void SetStatus(PlanActionStatus status, DateTimeOffset now)
    {
        Status = status;
        var finished = status is PlanActionStatus.Done or PlanActionStatus.NoLongerNeeded;
        CompletedOn = finished ? CompletedOn ?? now.InLondon() : null;
        if (finished)
        {
            _escalation = _escalation.Stopped();
        }
    }
}
