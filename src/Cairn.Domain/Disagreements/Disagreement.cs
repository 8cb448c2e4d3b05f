namespace Cairn.Domain.Disagreements;

public enum DisagreementStatus
{
    Open = 1,
    /// <summary>Agreed at some stage; at stage 3 the decision recorded is final.</summary>
    Resolved = 2,
    /// <summary>The professional who raised it took it back, with a reason.</summary>
    Withdrawn = 3,
}

/// <summary>How one stage ended.</summary>
public enum StageOutcome
{
    Resolved = 1,
    Escalated = 2,
    /// <summary>Its time ran out and the sweep moved it up.</summary>
    EscalatedWhenOverdue = 3,
    Withdrawn = 4,
}

public enum DisagreementEventKind
{
    Raised = 1,
    Resolved = 2,
    Escalated = 3,
    EscalatedWhenOverdue = 4,
    /// <summary>Overdue with nowhere further to go (stage 3, or nobody to take the next stage): the partnership must look at it.</summary>
    FlaggedForPartnership = 5,
    Withdrawn = 6,
}

/// <summary>A disagreement as a professional raises it: which decision, why they disagree, and what they want instead.</summary>
public sealed record DisagreementDraft(string? Decision, ChronologyEntryId? DecisionEntryId, string? Concern, string? OutcomeSought)
{
    public const int MaxDecisionLength = 500;
    public const int MaxConcernLength = 4000;
    public const int MaxOutcomeSoughtLength = 2000;

    public Refusal? Validate()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, Decision, nameof(Decision),
            "Enter the decision you disagree with, for example: no further action on the contact of 3 March",
            MaxDecisionLength, "The decision");
        Text.Require(errors, Concern, nameof(Concern), "Enter why you disagree with the decision", MaxConcernLength, "Why you disagree");
        Text.Require(errors, OutcomeSought, nameof(OutcomeSought), "Enter the outcome you are seeking, for example: a strategy discussion",
            MaxOutcomeSoughtLength, "The outcome you are seeking");
        return Refusal.FromErrors(errors);
    }
}

/// <summary>
/// A professional disagreement (escalation) about a decision on one child (L15, L16). Any professional may
/// raise one; it then goes up at most three stages, each with one owner and a working-day timescale, until it is
/// resolved or withdrawn. Only the current stage owner resolves or escalates; only the professional who raised it
/// withdraws it. A stage that runs out of time is escalated by the sweep (<see cref="EscalateOverdue"/>); at the
/// last stage it is flagged for the safeguarding partnership instead. Nothing is deleted: every step is in
/// <see cref="History"/> and every stage in <see cref="Stages"/>.
/// </summary>
public sealed class Disagreement
{
    public const DisagreementStage FirstStage = DisagreementStage.Practitioners;
    public const DisagreementStage LastStage = DisagreementStage.SeniorLeads;
    public const int MaxNoteLength = 4000;

    /// <summary>The field of a refusal because the person asking may not take this step (not because of what they entered).</summary>
    public const string ActorField = "Actor";

    /// <summary>The title of a refusal because the step is not the person's to take (403 on the API).</summary>
    public const string NotYoursTitle = "This step is not yours to take";

    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this disagreement");

    public const string ClosedMessage = "This disagreement has already been resolved or withdrawn.";
    public const string OnlyOwnerMessage = "Only the owner of the current stage can record its outcome or escalate it.";
    public const string OnlyRaiserMessage = "Only the professional who raised the disagreement can withdraw it.";

    private readonly List<StageRecord> _stages = [];
    private readonly List<DisagreementEvent> _history = [];

    private Disagreement()
    {
        Decision = "";
        Concern = "";
        OutcomeSought = "";
    }

    public DisagreementId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ProfessionalId RaisedBy { get; private set; }
    public AgencyId RaisedByAgency { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public string Decision { get; private set; }
    /// <summary>The chronology entry recording the decision, when there is one.</summary>
    public ChronologyEntryId? DecisionEntryId { get; private set; }
    public string Concern { get; private set; }
    public string OutcomeSought { get; private set; }
    public DisagreementStatus Status { get; private set; }
    public DisagreementStage Stage { get; private set; }
    /// <summary>The owner of the current stage (after closing, of the last one).</summary>
    public ProfessionalId OwnerId { get; private set; }
    public DateTimeOffset StageStartedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>What was agreed, or at stage 3 the final decision; set when resolved.</summary>
    public string? Resolution { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When it was last flagged for the safeguarding partnership, if ever.</summary>
    public DateTimeOffset? PartnershipFlaggedAt { get; private set; }
    /// <summary>When the escalation sweep must next look at it; null when there is nothing more for the sweep to do.</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<StageRecord> Stages => _stages;
    public IReadOnlyList<DisagreementEvent> History => _history;

    public bool IsOverdue(DateTimeOffset now) => Status == DisagreementStatus.Open && now >= DueAt;

    /// <summary>The professional raised it or has owned one of its stages: they may always see it, whoever else may see the child.</summary>
    public bool IsParty(ProfessionalId professional) => professional == RaisedBy || _stages.Any(s => s.OwnerId == professional);

    public bool MayResolveOrEscalate(ProfessionalId professional) => Status == DisagreementStatus.Open && professional == OwnerId;

    public bool MayWithdraw(ProfessionalId professional) => Status == DisagreementStatus.Open && professional == RaisedBy;

    /// <summary>
    /// Whether a professional may own the next stage: not the one who raised it (nobody resolves their own
    /// disagreement) and not anyone who owned a stage already (going up the ladder means someone new).
    /// </summary>
    public bool MayOwnNextStage(ProfessionalId professional) => professional != RaisedBy && _stages.All(s => s.OwnerId != professional);

    /// <param name="owner">Who owns stage 1: usually the practitioner whose decision it is, never the one raising it.</param>
    public static Outcome<Disagreement> Raise(PersonId child, DisagreementDraft draft, ProfessionalId raisedBy, AgencyId raisedByAgency,
        ProfessionalId? owner, DisagreementRules rules, DateTimeOffset now)
    {
        var errors = new List<FieldError>(draft.Validate()?.Errors ?? []);
        if (owner is null)
        {
            errors.Add(new("OwnerId", "Select the professional to resolve this with at stage 1"));
        }
        else if (owner == raisedBy)
        {
            errors.Add(new("OwnerId",
                "Select someone other than yourself: stage 1 is between you and the professional whose decision you disagree with"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var disagreement = new Disagreement
        {
            Id = DisagreementId.New(),
            ChildId = child,
            RaisedBy = raisedBy,
            RaisedByAgency = raisedByAgency,
            RaisedAt = now,
            Decision = draft.Decision!.Trim(),
            DecisionEntryId = draft.DecisionEntryId,
            Concern = draft.Concern!.Trim(),
            OutcomeSought = draft.OutcomeSought!.Trim(),
            Status = DisagreementStatus.Open,
            Version = 1,
        };
        disagreement.StartStage(FirstStage, owner!.Value, rules, now);
        disagreement.Add(DisagreementEventKind.Raised, now, raisedBy, null);
        return Outcome<Disagreement>.Success(disagreement);
    }

    /// <summary>The current stage's owner records that it is resolved, and what was agreed. At stage 3 this is the final decision.</summary>
    public Refusal? Resolve(string? agreed, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if ((RefuseChange(expectedVersion) ?? RefuseUnlessOwner(by)) is { } refused)
        {
            return refused;
        }

        var errors = new List<FieldError>();
        Text.Require(errors, agreed, "Agreed", "Enter what was agreed", MaxNoteLength, "What was agreed");
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var note = agreed!.Trim();
        EndStage(StageOutcome.Resolved, by, note, now);
        Close(DisagreementStatus.Resolved, now);
        Resolution = note;
        Add(DisagreementEventKind.Resolved, now, by, note);
        return null;
    }

    /// <summary>The current stage's owner cannot resolve it: it goes up a stage, to a new owner, with why.</summary>
    public Refusal? EscalateToNextStage(string? reason, ProfessionalId? nextOwner, int expectedVersion, ProfessionalId by, DisagreementRules rules,
        DateTimeOffset now)
    {
        if ((RefuseChange(expectedVersion) ?? RefuseUnlessOwner(by)) is { } refused)
        {
            return refused;
        }

        if (Stage == LastStage)
        {
            return Refusal.Of("Stage", "Stage 3 is the last stage: record the outcome. The decision at stage 3 is final.");
        }

        var next = Stage + 1;
        var errors = new List<FieldError>();
        Text.Require(errors, reason, "Reason", "Enter why it could not be resolved at this stage", MaxNoteLength, "Why it could not be resolved");
        if (nextOwner is null)
        {
            errors.Add(new("NextOwnerId", $"Select who owns stage {(int)next}"));
        }
        else if (!MayOwnNextStage(nextOwner.Value))
        {
            errors.Add(new("NextOwnerId",
                $"Select someone new to own stage {(int)next}: not the professional who raised the disagreement, "
                + "nor anyone who owned an earlier stage"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var note = reason!.Trim();
        EndStage(StageOutcome.Escalated, by, note, now);
        StartStage(next, nextOwner!.Value, rules, now);
        Version++;
        Add(DisagreementEventKind.Escalated, now, by, note);
        return null;
    }

    /// <summary>The professional who raised it takes it back, with why (for example, new information answered the concern).</summary>
    public Refusal? Withdraw(string? reason, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (RefuseChange(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (by != RaisedBy)
        {
            return NotYours(OnlyRaiserMessage);
        }

        var errors = new List<FieldError>();
        Text.Require(errors, reason, "Reason", "Enter why you are withdrawing the disagreement", MaxNoteLength, "Why you are withdrawing it");
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var note = reason!.Trim();
        EndStage(StageOutcome.Withdrawn, by, note, now);
        Close(DisagreementStatus.Withdrawn, now);
        Add(DisagreementEventKind.Withdrawn, now, by, note);
        return null;
    }

    /// <summary>
    /// What the escalation sweep does once <see cref="NextEscalationAt"/> has passed: the overdue stage goes up to the
    /// first of <paramref name="nextOwnerCandidates"/> who may own the next stage (see <see cref="MayOwnNextStage"/>),
    /// with a fresh timescale. At stage 3, or with nobody to take the next stage, it is flagged for the safeguarding
    /// partnership instead and the sweep stops looking at it. Refused, changing nothing, when nothing is overdue, so
    /// a second run over the same stage does nothing.
    /// </summary>
    /// <param name="nextOwnerCandidates">Who could own the next stage, best first; the caller knows the area's ladder.</param>
    public Outcome<DisagreementEscalation> EscalateOverdue(IEnumerable<ProfessionalId> nextOwnerCandidates, DisagreementRules rules,
        DateTimeOffset now)
    {
        if (Status != DisagreementStatus.Open)
        {
            return Outcome<DisagreementEscalation>.Refused(nameof(Status), ClosedMessage);
        }

        if (NextEscalationAt is not { } due || now < due)
        {
            return Outcome<DisagreementEscalation>.Refused(nameof(NextEscalationAt), "Nothing about this disagreement is overdue.");
        }

        var from = Stage;
        var previousOwner = OwnerId;
        var nextOwner = Stage == LastStage ? null : nextOwnerCandidates.Where(MayOwnNextStage).Select(p => (ProfessionalId?)p).FirstOrDefault();
        if (nextOwner is null)
        {
            PartnershipFlaggedAt = now;
            NextEscalationAt = null;
            Version++;
            Add(DisagreementEventKind.FlaggedForPartnership, now, null,
                Stage == LastStage
                    ? "Stage 3 is overdue."
                    : $"Stage {(int)Stage} is overdue and nobody could be found to own stage {(int)(Stage + 1)}.");
            return Outcome<DisagreementEscalation>.Success(new DisagreementEscalation(Id, ChildId, EscalationKind.FlaggedForPartnership, from, Stage,
                previousOwner, null, RaisedBy, null));
        }

        var note = $"Stage {(int)from} was not resolved within its timescale.";
        EndStage(StageOutcome.EscalatedWhenOverdue, null, note, now);
        StartStage(from + 1, nextOwner.Value, rules, now);
        Version++;
        Add(DisagreementEventKind.EscalatedWhenOverdue, now, null, note);
        return Outcome<DisagreementEscalation>.Success(new DisagreementEscalation(Id, ChildId, EscalationKind.MovedToNextStage, from, Stage,
            previousOwner, OwnerId, RaisedBy, DueAt));
    }

    private Refusal? RefuseChange(int expectedVersion)
    {
        if (Status != DisagreementStatus.Open)
        {
            return Refusal.Conflict("this disagreement", ClosedMessage);
        }

        return expectedVersion != Version ? Stale : null;
    }

    private Refusal? RefuseUnlessOwner(ProfessionalId by) => by == OwnerId ? null : NotYours(OnlyOwnerMessage);

    /// <summary>The person may see the disagreement but this step is someone else's: not allowed, whatever they entered.</summary>
    private static Refusal NotYours(string message) => Refusal.NotAllowed(ActorField, message) with { Title = NotYoursTitle };

    private void StartStage(DisagreementStage stage, ProfessionalId owner, DisagreementRules rules, DateTimeOffset now)
    {
        Stage = stage;
        OwnerId = owner;
        StageStartedAt = now;
        DueAt = rules.DueAt(stage, now);
        NextEscalationAt = DueAt;
        _stages.Add(StageRecord.Start(Id, stage, owner, now, DueAt));
    }

    private void EndStage(StageOutcome outcome, ProfessionalId? by, string note, DateTimeOffset now) =>
        _stages.Single(s => s.Stage == Stage).End(outcome, by, note, now);

    private void Close(DisagreementStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
        NextEscalationAt = null;
        Version++;
    }

    private void Add(DisagreementEventKind kind, DateTimeOffset now, ProfessionalId? by, string? note) =>
        _history.Add(new DisagreementEvent(Id, kind, now, by, Stage, OwnerId, Status == DisagreementStatus.Open ? DueAt : null, note));
}

/// <summary>One stage as it happened: who owned it, from when, by when, and how it ended.</summary>
public sealed class StageRecord
{
    private StageRecord()
    {
    }

    public long Id { get; private set; }
    public DisagreementId DisagreementId { get; private set; }
    public DisagreementStage Stage { get; private set; }
    public ProfessionalId OwnerId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public StageOutcome? Outcome { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Who ended the stage; null when the sweep escalated it.</summary>
    public ProfessionalId? EndedBy { get; private set; }
    /// <summary>What was agreed, or why it went up or was withdrawn.</summary>
    public string? Note { get; private set; }

    internal static StageRecord Start(DisagreementId disagreement, DisagreementStage stage, ProfessionalId owner, DateTimeOffset startedAt,
        DateTimeOffset dueAt) =>
        new() { DisagreementId = disagreement, Stage = stage, OwnerId = owner, StartedAt = startedAt, DueAt = dueAt };

    internal void End(StageOutcome outcome, ProfessionalId? by, string note, DateTimeOffset at)
    {
        Outcome = outcome;
        EndedBy = by;
        Note = note;
        EndedAt = at;
    }
}

/// <summary>
/// One step in a disagreement's history, with the stage, owner and due time it left behind.
/// <see cref="By"/> is null for the sweep's automatic steps.
/// </summary>
public sealed record DisagreementEvent(DisagreementId DisagreementId, DisagreementEventKind Kind, DateTimeOffset At, ProfessionalId? By,
    DisagreementStage Stage, ProfessionalId OwnerId, DateTimeOffset? DueAt, string? Note)
{
    public long Id { get; init; }
}

public enum EscalationKind
{
    MovedToNextStage = 1,
    FlaggedForPartnership = 2,
}

/// <summary>What the sweep did to one overdue disagreement: whom to tell (the owners, the raiser, or the partnership).</summary>
public sealed record DisagreementEscalation(DisagreementId DisagreementId, PersonId ChildId, EscalationKind Kind, DisagreementStage FromStage,
    DisagreementStage Stage, ProfessionalId PreviousOwner, ProfessionalId? NewOwner, ProfessionalId RaisedBy, DateTimeOffset? DueAt);

internal static class Text
{
    public static void Require(List<FieldError> errors, string? value, string field, string missing, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, missing));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new(field, $"{what} must be {maxLength} characters or fewer"));
        }
    }
}
