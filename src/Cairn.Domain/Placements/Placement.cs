using Cairn.Domain.Escalation;
using Cairn.Domain.Places;
using Cairn.Domain.Time;

namespace Cairn.Domain.Placements;

/// <summary>How the child's family were told of a move (L42).</summary>
public enum FamilyInformed
{
    InPerson = 1,
    ByPhone = 2,
    InWriting = 3,
    /// <summary>Not told, with the reason (for example a court order, or a risk to the child from telling them).</summary>
    NotInformed = 4,
}

/// <summary>Whether a placement is where the child should stay (L39): an interim or unsuitable one keeps them on the tracking panel.</summary>
public enum PlacementSuitability
{
    Suitable = 0,
    /// <summary>A stop-gap while the right placement is found.</summary>
    Interim = 1,
    /// <summary>Does not meet the child's needs (for example it cannot deliver what was commissioned).</summary>
    Unsuitable = 2,
}

/// <summary>Where the placement is, as the return and matching need it, taken from the setting (or entered) when the child is placed.</summary>
public sealed record PlacementWhere
{
    public const int MaxNameLength = 200;

    /// <summary>The setting in the register, when there is one (there is none for a placement with parents).</summary>
    public SettingId? SettingId { get; init; }

    public string? SettingName { get; init; }

    /// <summary>The SSDA903 placement type (PLACE), e.g. K2.</summary>
    public string? PlacementType { get; init; }

    /// <summary>The SSDA903 provider (PLACE_PROVIDER), e.g. PR4; none for temporary placements.</summary>
    public string? Provider { get; init; }

    /// <summary>The setting's regulator number (URN) for the return; <see cref="PlacementCodes.UrnPlaceholder"/> when not known.</summary>
    public string? Urn { get; init; }

    public string? Postcode { get; init; }

    /// <summary>Whether the postcode lies in the placing area (the return's PL_LOCATION; L41).</summary>
    public bool InArea { get; init; }
}

/// <summary>
/// A period of a child living in one placement (L41, L44): where, from and to when, how the family was told (L42), and — if the
/// match showed a danger nearby or a conflict with a resident — the manager who let it go ahead and why (L34, L35). Ended, never
/// deleted: the placement history is the child's and survives every move. One current placement per child.
/// </summary>
public sealed class Placement
{
    public const int MinReasonLength = 20;
    public const int MaxReasonLength = 2000;
    public const int MaxUrnLength = 20;

    public static Refusal Stale => Refusal.Conflict("this placement");

    private Placement()
    {
        Where = new PlacementWhere();
    }

    public PlacementId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public PlacementReferralId? ReferralId { get; private set; }
    public PlacementWhere Where { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>Unplanned or in an emergency: the placement planning meeting is due within hours, not days (T17).</summary>
    public bool Emergency { get; private set; }

    public FamilyInformed FamilyInformed { get; private set; }
    public bool FamilyConsulted { get; private set; }
    public string? FamilyNote { get; private set; }
    public ProfessionalId? OverriddenBy { get; private set; }
    public string? OverrideReason { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    /// <summary>The SSDA903 reason the placement changed (REASON_PLACE_CHANGE), when it ended.</summary>
    public string? ReasonForChange { get; private set; }

    /// <summary>Suitable unless children's social care says it is interim or unsuitable, with the reason (L39).</summary>
    public PlacementSuitability Suitability { get; private set; }

    public string? SuitabilityReason { get; private set; }

    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public ProfessionalId? EndedBy { get; private set; }
    public int Version { get; private set; }

    /// <summary>The placement is intended to last until the child is 18: after its first year, visits are three-monthly (T14).</summary>
    public bool LongTerm { get; private set; }

    public DateOnly? LastVisitOn { get; private set; }

    /// <summary>When the next statutory visit is due by (T12–T14); none once the placement has ended.</summary>
    public DateOnly? NextVisitDueOn { get; private set; }

    /// <summary>T16: the placement plan agreed within five working days of the start.</summary>
    public DateOnly? PlacementPlanDueOn { get; private set; }

    public DateOnly? PlacementPlanAgreedOn { get; private set; }

    /// <summary>Set by the sweep once a visit was late; cleared by the next visit.</summary>
    public bool VisitOverdue { get; private set; }

    private EscalationClock _escalation;

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

    /// <summary>
    /// The placement plan's own clock (T16): it starts at the close of the plan's due day and climbs the same ladder as a late visit,
    /// separately from it, until the plan is agreed or the placement ends.
    /// </summary>
    private EscalationClock _planEscalation;

    public EscalationClock PlanEscalation => _planEscalation;

    public int PlanEscalationLevel
    {
        get => _planEscalation.Level;
        private set => _planEscalation = _planEscalation with { Level = value };
    }

    public DateTimeOffset? PlanNextEscalationAt
    {
        get => _planEscalation.NextAt;
        private set => _planEscalation = _planEscalation with { NextAt = value };
    }

    /// <summary>Whether on <paramref name="today"/> the next statutory visit is late.</summary>
    public bool VisitLateOn(DateOnly today) => EndedOn is null && NextVisitDueOn is { } due && today > due;

    /// <summary>Whether on <paramref name="today"/> the placement plan is late (T16).</summary>
    public bool PlanLateOn(DateOnly today) => PlacementPlanAgreedOn is null && PlacementPlanDueOn is { } due && today > due;

    /// <summary>
    /// Schedules what follows a placement's start on the area's calendar: the first statutory visit within a week (T12), its
    /// escalation clock from the close of that day, and the placement plan within five working days (T16).
    /// </summary>
    public void ScheduleDuties(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        NextVisitDueOn = VisitTimescales.NextDue(StartedOn, LongTerm, null);
        PlacementPlanDueOn = calendar.AddWorkingDays(StartedOn, Casework.PlanTimescales.PlacementPlanWorkingDays);
        _escalation = EscalationClock.StartingAt(calendar.CloseOf(NextVisitDueOn.Value));
        _planEscalation = PlacementPlanAgreedOn is null ? EscalationClock.StartingAt(calendar.CloseOf(PlacementPlanDueOn.Value)) : default;
    }

    /// <summary>Records a statutory visit: the next one is due from it (T13, T14), and the late-visit clock starts again.</summary>
    public Refusal? RecordVisit(StatutoryVisit visit, int? expectedVersion, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(calendar);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (LastVisitOn is null || visit.VisitedOn >= LastVisitOn)
        {
            LastVisitOn = visit.VisitedOn;
            if (EndedOn is null)
            {
                NextVisitDueOn = VisitTimescales.NextDue(StartedOn, LongTerm, LastVisitOn);
                VisitOverdue = false;
                _escalation = EscalationClock.StartingAt(calendar.CloseOf(NextVisitDueOn.Value));
            }
        }

        Version++;
        return null;
    }

    /// <summary>Says whether the placement is intended to last until the child is 18 (T14), and reschedules the next visit.</summary>
    public Refusal? SetLongTerm(bool longTerm, int? expectedVersion, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (expectedVersion != Version)
        {
            return Stale;
        }

        LongTerm = longTerm;
        if (EndedOn is null)
        {
            NextVisitDueOn = VisitTimescales.NextDue(StartedOn, LongTerm, LastVisitOn);
            _escalation = EscalationClock.StartingAt(calendar.CloseOf(NextVisitDueOn.Value));
        }

        Version++;
        return null;
    }

    /// <summary>Records the date the placement plan was agreed (T16): within the placement and not in the future.</summary>
    public Refusal? AgreePlacementPlan(DateOnly? agreedOn, int? expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (agreedOn is not { } on || on < StartedOn.AddDays(-30) || on > now.InLondon())
        {
            return Refusal.Of("AgreedOn", "The plan must be agreed no more than 30 days before the placement started, and not in the future");
        }

        PlacementPlanAgreedOn = on;
        _planEscalation = _planEscalation.Stopped();
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: once a statutory visit is late, the placement is marked overdue and climbs one rung per sweep, never
    /// twice for the same rung; a visit, the end of the placement or the top of the ladder stops it.
    /// </summary>
    public VisitEscalation? SweepVisits(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (EndedOn is not null || NextVisitDueOn is not { } dueOn)
        {
            _escalation = _escalation.Stopped();
            return null;
        }

        var due = calendar.CloseOf(dueOn);
        if (_escalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _escalation = climb.Clock;
        VisitOverdue = true;
        Version++;
        return climb.Step is { } step ? new VisitEscalation(Id, ChildId, step.Level, step.Audience, due) : null;
    }

    /// <summary>Says the placement is suitable, or interim or unsuitable with the reason (L39); an ended placement keeps what it was.</summary>
    public Refusal? MarkSuitability(PlacementSuitability? suitability, string? reason, int? expectedVersion)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Conflict("this placement", "This placement has ended.");
        }

        if (suitability is not { } s || !Enum.IsDefined(s))
        {
            return Refusal.Of("Suitability", "Select whether the placement is suitable, interim or unsuitable");
        }

        var why = reason?.Trim();
        if (s != PlacementSuitability.Suitable && (why is null || why.Length < MinReasonLength || why.Length > MaxReasonLength))
        {
            return Refusal.Of("SuitabilityReason", $"Say why the placement is {s.ToString().ToLowerInvariant()}, "
                                                    + $"in {MinReasonLength} to {MaxReasonLength:N0} characters");
        }

        Suitability = s;
        SuitabilityReason = s == PlacementSuitability.Suitable ? null : why;
        Version++;
        return null;
    }

    /// <summary>
    /// Called by the sweep: once the placement plan is late (T16) the placement climbs one rung per sweep on its plan clock, never
    /// twice for the same rung; agreeing the plan, the end of the placement or the top of the ladder stops it.
    /// </summary>
    public VisitEscalation? SweepPlan(DateTimeOffset now, EscalationLadder ladder, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (EndedOn is not null || PlacementPlanAgreedOn is not null || PlacementPlanDueOn is not { } dueOn)
        {
            _planEscalation = _planEscalation.Stopped();
            return null;
        }

        var due = calendar.CloseOf(dueOn);
        if (_planEscalation.Climb(due, now, ladder, calendar) is not { } climb)
        {
            return null;
        }

        _planEscalation = climb.Clock;
        Version++;
        return climb.Step is { } step ? new VisitEscalation(Id, ChildId, step.Level, step.Audience, due) : null;
    }

    public bool IsCurrentOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);

    /// <summary>
    /// Places a child. <paramref name="warnings"/> are the dangers and conflicts the match showed (none when it showed none):
    /// while there are any, the placement needs a manager's override with a reason, recorded with it.
    /// </summary>
    public static Outcome<Placement> Start(PlacementStart start, DateOnly childBornOn, bool alreadyPlaced, IReadOnlyList<string> warnings,
        bool byManager, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(warnings);
        var today = now.InLondon();
        var errors = new List<FieldError>();
        var where = start.Where ?? new PlacementWhere();
        if (alreadyPlaced)
        {
            errors.Add(new("StartedOn", "This child already has a current placement: end it (with the reason for the change) first"));
        }

        if (start.StartedOn is not { } on)
        {
            errors.Add(new("StartedOn", "Enter the date the placement started"));
        }
        else if (on < today.AddDays(-30) || on > today.AddDays(30))
        {
            errors.Add(new("StartedOn", "The placement must start within 30 days of today (record older placements through the history import)"));
        }
        else if (on < childBornOn)
        {
            errors.Add(new("StartedOn", "The placement cannot start before the child was born"));
        }

        if (!PlacementCodes.IsPlacementType(where.PlacementType))
        {
            errors.Add(new("PlacementType", "Select the placement type"));
        }
        else
        {
            if (where.Provider is not null && !PlacementCodes.IsProvider(where.Provider))
            {
                errors.Add(new("Provider", "Select the provider from the list"));
            }
            else if (PlacementCodes.Inconsistency(where.PlacementType!, where.Provider) is { } inconsistent)
            {
                errors.Add(new("Provider", inconsistent));
            }

            if (PlacementCodes.NeedsUrn(where.PlacementType!) && string.IsNullOrWhiteSpace(where.Urn))
            {
                errors.Add(new("Urn",
                    $"A {where.PlacementType} placement needs the setting's URN, or {PlacementCodes.UrnPlaceholder} if it is not known"));
            }
        }

        if (where.Urn?.Trim().Length > MaxUrnLength)
        {
            errors.Add(new("Urn", $"The URN must be {MaxUrnLength} characters or fewer"));
        }

        if (where.Postcode is null || !Postcode.TryParse(where.Postcode, out _, out _))
        {
            errors.Add(new("Postcode", "Enter the placement's postcode"));
        }

        if (start.FamilyInformed is not { } informed || !Enum.IsDefined(informed))
        {
            errors.Add(new("FamilyInformed", "Say how the family were told of the move, or that they were not"));
        }
        else if (informed == FamilyInformed.NotInformed && (start.FamilyNote?.Trim().Length ?? 0) < MinReasonLength)
        {
            errors.Add(new("FamilyNote", $"Say why the family were not told, in {MinReasonLength} characters or more"));
        }

        if (start.FamilyNote?.Trim().Length > MaxReasonLength)
        {
            errors.Add(new("FamilyNote", $"Use {MaxReasonLength:N0} characters or fewer"));
        }

        var overrideReason = start.OverrideReason?.Trim();
        if (warnings.Count > 0)
        {
            if (!byManager)
            {
                return Refusal.NotAllowed("OverrideReason", $"The match showed {Count(warnings.Count)}: only a manager can place the child here, "
                                                            + $"with a reason. {string.Join(" ", warnings)}");
            }

            if (overrideReason is null || overrideReason.Length < MinReasonLength || overrideReason.Length > MaxReasonLength)
            {
                errors.Add(new("OverrideReason", $"The match showed {Count(warnings.Count)}: say why the child is placed here anyway, "
                                                 + $"in {MinReasonLength} to {MaxReasonLength:N0} characters"));
            }
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new Placement
        {
            Id = PlacementId.New(),
            ChildId = start.ChildId,
            ReferralId = start.ReferralId,
            Where = where with
            {
                Postcode = Postcode.Parse(where.Postcode!).ToString(),
                Urn = string.IsNullOrWhiteSpace(where.Urn) ? null : where.Urn.Trim().ToUpperInvariant(),
                SettingName = where.SettingName?.Trim(),
            },
            StartedOn = start.StartedOn!.Value,
            Emergency = start.Emergency,
            FamilyInformed = start.FamilyInformed!.Value,
            FamilyConsulted = start.FamilyConsulted,
            FamilyNote = string.IsNullOrWhiteSpace(start.FamilyNote) ? null : start.FamilyNote.Trim(),
            OverriddenBy = warnings.Count > 0 ? by : null,
            OverrideReason = warnings.Count > 0 ? overrideReason : null,
            StartedBy = by,
            StartedAt = now,
        };
    }

    /// <summary>Ends the placement on a date with the return's reason for the change; kept as history.</summary>
    public Refusal? End(DateOnly? endedOn, string? reasonForChange, ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (Version != expectedVersion)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Conflict("this placement", "This placement has already ended.");
        }

        var errors = new List<FieldError>();
        if (endedOn is not { } on)
        {
            errors.Add(new("EndedOn", "Enter the date the placement ended"));
        }
        else if (on < StartedOn || on > now.InLondon())
        {
            errors.Add(new("EndedOn", "The placement must end between its start and today"));
        }

        if (!PlacementCodes.IsReasonForChange(reasonForChange))
        {
            errors.Add(new("ReasonForChange", "Select the reason the placement changed"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        EndedOn = endedOn;
        ReasonForChange = reasonForChange;
        EndedBy = by;
        NextVisitDueOn = null;
        _escalation = _escalation.Stopped();
        _planEscalation = _planEscalation.Stopped();
        Version++;
        return null;
    }

    private static string Count(int warnings) => warnings == 1 ? "a danger or conflict" : $"{warnings} dangers or conflicts";
}

/// <summary>What placing a child says: who, where, from when, whether in an emergency, how the family were told, any override reason.</summary>
public sealed record PlacementStart
{
    public PersonId ChildId { get; init; }
    public PlacementReferralId? ReferralId { get; init; }
    public PlacementWhere? Where { get; init; }
    public DateOnly? StartedOn { get; init; }
    public bool Emergency { get; init; }
    public FamilyInformed? FamilyInformed { get; init; }
    public bool FamilyConsulted { get; init; }
    public string? FamilyNote { get; init; }
    public string? OverrideReason { get; init; }
}
