using Cairn.Domain.Concerns;
using Cairn.Domain.Time;

namespace Cairn.Domain.EarlyHelp;

public enum EarlyHelpStatus
{
    Open = 1,
    /// <summary>Asked to close with disengagement while concerns remain: waiting for the front door's decision (L18).</summary>
    AwaitingFrontDoorCheck = 2,
    Closed = 3,
}

public enum ClosureReason
{
    OutcomesMet = 1,
    SteppedUpToSocialCare = 2,
    MovedAway = 3,
    FamilyDisengaged = 4,
    ConsentWithdrawn = 5,
}

public enum ConsentMethod
{
    Written = 1,
    Verbal = 2,
}

public enum EarlyHelpEventKind
{
    Started = 1,
    LeadProfessionalChanged = 2,
    FrontDoorCheckRequested = 3,
    Closed = 4,
}

/// <summary>Who agreed to early help for the family, when and how. Early help is voluntary: no consent, no episode.</summary>
public sealed record Consent(string GivenBy, DateOnly GivenOn, ConsentMethod Method);

/// <summary>
/// An episode as someone wants to start it. <paramref name="PlanSummary"/> is no longer accepted: an episode's plan is an early help
/// <c>Plan</c> (outcomes with actions, owners and due dates, the child's and the family's views), started from the episode.
/// </summary>
public sealed record EarlyHelpDraft(DateOnly? StartedOn, ProfessionalId? LeadProfessional, string? ConsentGivenBy, DateOnly? ConsentGivenOn,
    ConsentMethod? ConsentMethod, string? PlanSummary = null)
{
    /// <summary>The longest note kept with a closure or a change of lead.</summary>
    public const int MaxPlanLength = 4000;

    public const string PlanSummaryRefused =
        "A plan summary is no longer recorded on the episode. Start the episode, then start its early help plan from the episode page: " +
        "outcomes for the child with actions, each with an owner and a due date, and the child's and the family's views.";
    public const int MaxConsentGivenByLength = 200;
}

/// <summary>A chronology entry about the child that shows causes for concern, as the closure rule needs it.</summary>
public sealed record RecentConcern(DateTimeOffset OccurredAt, ConcernTheme Themes);

/// <summary>What happened when someone asked to close an episode.</summary>
public enum ClosureStep
{
    Closed = 1,
    /// <summary>Not closed: the front door must check first, and the caller must make the contact (L18).</summary>
    FrontDoorCheckNeeded = 2,
}

/// <summary>One step in an episode's life. Lead professional changes keep who it was before and after.</summary>
public sealed record EarlyHelpEvent(EarlyHelpEpisodeId EpisodeId, EarlyHelpEventKind Kind, ProfessionalId By, DateTimeOffset At,
    ProfessionalId? FromLead, ProfessionalId? ToLead, ClosureReason? Reason, string? Note)
{
    public long Id { get; init; }
}

/// <summary>
/// An early help episode: voluntary family support below the statutory threshold, with recorded consent and a named
/// lead professional (L19). Its plan is an early help <c>Plan</c> linked to it (<c>Plan.EpisodeId</c>).
/// Closing because the family disengaged or withdrew consent while concerns remain does not
/// close the episode: the front door checks first (L18), and the episode closes once that check is decided.
/// </summary>
public sealed class EarlyHelpEpisode
{
    /// <summary>How far back a chronology entry with causes for concern still counts as a concern that remains.</summary>
    public const int ConcernWindowDays = 90;

    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this early help episode");

    private readonly List<EarlyHelpEvent> _events = [];

    private EarlyHelpEpisode()
    {
        Consent = null!;
    }

    public EarlyHelpEpisodeId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public ProfessionalId LeadProfessionalId { get; private set; }
    public Consent Consent { get; private set; }
    public EarlyHelpStatus Status { get; private set; }
    /// <summary>The reason asked for when closing; set while awaiting the front door check and once closed.</summary>
    public ClosureReason? ClosureReason { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>The front door contact made because the family disengaged while concerns remained (L18).</summary>
    public ContactId? FrontDoorContactId { get; private set; }
    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<EarlyHelpEvent> Events => _events;

    public bool IsOpen => Status != EarlyHelpStatus.Closed;

    /// <param name="leadIsInvolved">Whether the lead professional is currently in the team around the child.</param>
    public static Outcome<EarlyHelpEpisode> Start(PersonId child, EarlyHelpDraft draft, bool leadIsInvolved, bool childHasOpenEpisode,
        ProfessionalId by, DateTimeOffset now)
    {
        var today = now.InLondon();
        var errors = new List<FieldError>();
        if (childHasOpenEpisode)
        {
            errors.Add(new("StartedOn", "This child already has an open early help episode. Close it before starting another."));
        }

        if (draft.StartedOn is not { } startedOn)
        {
            errors.Add(new("StartedOn", "Enter the date early help started"));
        }
        else if (startedOn > today)
        {
            errors.Add(new("StartedOn", "The start date must be today or in the past"));
        }

        if (draft.LeadProfessional is null)
        {
            errors.Add(new("LeadProfessionalId", "Select the lead professional. Every early help episode has a named lead professional."));
        }
        else if (!leadIsInvolved)
        {
            errors.Add(new("LeadProfessionalId", "Select a lead professional who is in the team around the child. Add them to the team first."));
        }

        ValidateConsent(draft, errors, today);

        if (!string.IsNullOrWhiteSpace(draft.PlanSummary))
        {
            errors.Add(new("PlanSummary", EarlyHelpDraft.PlanSummaryRefused));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var episode = new EarlyHelpEpisode
        {
            Id = EarlyHelpEpisodeId.New(),
            ChildId = child,
            StartedOn = draft.StartedOn!.Value,
            LeadProfessionalId = draft.LeadProfessional!.Value,
            Consent = new Consent(draft.ConsentGivenBy!.Trim(), draft.ConsentGivenOn!.Value, draft.ConsentMethod!.Value),
            Status = EarlyHelpStatus.Open,
            StartedBy = by,
            StartedAt = now,
            Version = 1,
        };
        episode._events.Add(new EarlyHelpEvent(episode.Id, EarlyHelpEventKind.Started, by, now, null, episode.LeadProfessionalId, null, null));
        return Outcome<EarlyHelpEpisode>.Success(episode);
    }

    private static void ValidateConsent(EarlyHelpDraft draft, List<FieldError> errors, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(draft.ConsentGivenBy))
        {
            errors.Add(new("ConsentGivenBy",
                "Enter who gave consent, for example the parent or carer's name or role. Early help cannot start without consent."));
        }
        else if (draft.ConsentGivenBy.Trim().Length > EarlyHelpDraft.MaxConsentGivenByLength)
        {
            errors.Add(new("ConsentGivenBy", $"Who gave consent must be {EarlyHelpDraft.MaxConsentGivenByLength} characters or fewer"));
        }

        if (draft.ConsentGivenOn is not { } givenOn)
        {
            errors.Add(new("ConsentGivenOn", "Enter the date consent was given"));
        }
        else if (givenOn > today)
        {
            errors.Add(new("ConsentGivenOn", "The date consent was given must be today or in the past"));
        }
        else if (draft.StartedOn is { } startedOn && givenOn > startedOn)
        {
            errors.Add(new("ConsentGivenOn", "Consent must be given on or before the day early help starts"));
        }

        if (draft.ConsentMethod is not { } method || !Enum.IsDefined(method))
        {
            errors.Add(new("ConsentMethod", "Select how consent was given: written or verbal"));
        }
    }

    /// <summary>
    /// Whether concerns about the child remain (L18): an active alert, or a chronology entry about the child with any
    /// causes for concern that happened in the last <see cref="ConcernWindowDays"/> days (counted in London dates, so an
    /// entry exactly 90 days ago still counts and one 91 days ago does not).
    /// </summary>
    public static bool ConcernsRemain(bool hasActiveAlert, IEnumerable<RecentConcern> entries, DateTimeOffset now)
    {
        if (hasActiveAlert)
        {
            return true;
        }

        var from = now.InLondon().AddDays(-ConcernWindowDays);
        return entries.Any(e => e.Themes != ConcernTheme.None && e.OccurredAt.InLondon() >= from);
    }

    /// <summary>The earliest instant an entry can have happened and still count; callers narrow their query with it.</summary>
    public static DateTimeOffset ConcernWindowStart(DateTimeOffset now) => now.AddDays(-(ConcernWindowDays + 2));

    /// <summary>Whether closing for this reason needs the front door to check first when concerns remain (L18).</summary>
    public static bool NeedsFrontDoorCheck(ClosureReason reason) =>
        reason is EarlyHelp.ClosureReason.FamilyDisengaged or EarlyHelp.ClosureReason.ConsentWithdrawn;

    /// <summary>
    /// Asks to close the episode. Closes at once unless the family disengaged or withdrew consent while concerns remain;
    /// then the episode waits for the front door (<see cref="ClosureStep.FrontDoorCheckNeeded"/>) and the caller makes the
    /// contact and links it with <see cref="AwaitFrontDoorCheck"/>. While it waits, asking again completes the closure
    /// once the contact is decided and is refused until then.
    /// </summary>
    /// <param name="frontDoorCheckDecided">Whether the linked front door contact is decided and signed off; ignored while open.</param>
    public Outcome<ClosureStep> Close(ClosureReason? reason, DateOnly? closedOn, string? note, bool concernsRemain, bool frontDoorCheckDecided,
        int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status == EarlyHelpStatus.Closed)
        {
            return Refusal.Of("Reason", "This early help episode is already closed");
        }

        if (Status == EarlyHelpStatus.AwaitingFrontDoorCheck)
        {
            return CompleteClosure(frontDoorCheckDecided, expectedVersion, by, now);
        }

        var today = now.InLondon();
        var errors = new List<FieldError>();
        if (reason is not { } r || !Enum.IsDefined(r))
        {
            errors.Add(new("Reason", "Select why the episode is closing"));
        }

        if (closedOn is not { } on)
        {
            errors.Add(new("ClosedOn", "Enter the date the episode closed"));
        }
        else if (on > today || on < StartedOn)
        {
            errors.Add(new("ClosedOn", "The closing date must be between the start date and today"));
        }

        if (note?.Trim().Length > EarlyHelpDraft.MaxPlanLength)
        {
            errors.Add(new("Note", $"The note must be {EarlyHelpDraft.MaxPlanLength:N0} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        ClosureReason = reason;
        ClosedOn = closedOn;
        if (NeedsFrontDoorCheck(reason!.Value) && concernsRemain)
        {
            Status = EarlyHelpStatus.AwaitingFrontDoorCheck;
            _events.Add(new EarlyHelpEvent(Id, EarlyHelpEventKind.FrontDoorCheckRequested, by, now, null, null, reason, Blank(note)));
            Version++;
            return Outcome<ClosureStep>.Success(ClosureStep.FrontDoorCheckNeeded);
        }

        Status = EarlyHelpStatus.Closed;
        _events.Add(new EarlyHelpEvent(Id, EarlyHelpEventKind.Closed, by, now, null, null, reason, Blank(note)));
        Version++;
        return Outcome<ClosureStep>.Success(ClosureStep.Closed);
    }

    /// <summary>Links the front door contact made for the check the closure waits on.</summary>
    public void AwaitFrontDoorCheck(ContactId contact)
    {
        if (Status != EarlyHelpStatus.AwaitingFrontDoorCheck)
        {
            throw new InvalidOperationException("Only an episode awaiting the front door check links a contact.");
        }

        FrontDoorContactId = contact;
    }

    public const string AwaitingCheckMessage =
        "The front door has not yet decided the contact made when the family disengaged while concerns remain. " +
        "The episode closes once that decision is signed off.";

    /// <summary>Completes a closure that waited for the front door (L18); refused until the contact is decided and signed off.</summary>
    public Outcome<ClosureStep> CompleteClosure(bool frontDoorCheckDecided, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != EarlyHelpStatus.AwaitingFrontDoorCheck)
        {
            return Refusal.Of("Reason", Status == EarlyHelpStatus.Closed
                ? "This early help episode is already closed"
                : "This episode is not waiting for a front door check. Close it with a reason.");
        }

        if (!frontDoorCheckDecided)
        {
            return Refusal.Of("Reason", AwaitingCheckMessage);
        }

        Status = EarlyHelpStatus.Closed;
        _events.Add(new EarlyHelpEvent(
            Id, EarlyHelpEventKind.Closed, by, now, null, null, ClosureReason, "Closed after the front door check was decided"));
        Version++;
        return Outcome<ClosureStep>.Success(ClosureStep.Closed);
    }

    /// <summary>Names a new lead professional, keeping who it was before and why it changed (L19).</summary>
    public Refusal? ChangeLead(ProfessionalId? lead, bool leadIsInvolved, string? reason, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status == EarlyHelpStatus.Closed)
        {
            return Refusal.Of("LeadProfessionalId", "This early help episode is closed");
        }

        var errors = new List<FieldError>();
        if (lead is not { } newLead)
        {
            errors.Add(new("LeadProfessionalId", "Select the new lead professional"));
        }
        else if (newLead == LeadProfessionalId)
        {
            errors.Add(new("LeadProfessionalId", "Select a different professional from the current lead professional"));
        }
        else if (!leadIsInvolved)
        {
            errors.Add(new("LeadProfessionalId", "Select a lead professional who is in the team around the child. Add them to the team first."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new("Reason", "Enter why the lead professional is changing"));
        }
        else if (reason.Trim().Length > 2000)
        {
            errors.Add(new("Reason", "The reason must be 2,000 characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        _events.Add(new EarlyHelpEvent(Id, EarlyHelpEventKind.LeadProfessionalChanged, by, now, LeadProfessionalId, lead, null, reason!.Trim()));
        LeadProfessionalId = lead!.Value;
        Version++;
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
