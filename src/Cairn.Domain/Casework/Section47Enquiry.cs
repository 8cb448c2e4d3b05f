using Cairn.Domain.Children;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

public enum Section47Status
{
    /// <summary>Enquiries are under way.</summary>
    Open = 1,
    /// <summary>The lead social worker has recorded the outcome; a manager must authorise it.</summary>
    OutcomeRecorded = 2,
    /// <summary>A manager authorised the outcome: the enquiry is complete.</summary>
    Completed = 3,
}

/// <summary>What the enquiry found (CIN census: S47 outcome and whether an initial conference is needed).</summary>
public enum Section47Outcome
{
    /// <summary>Concerns not substantiated.</summary>
    NotSubstantiated = 1,
    /// <summary>Concerns substantiated, but the child is not judged to be at continuing risk of significant harm.</summary>
    SubstantiatedNotAtContinuingRisk = 2,
    /// <summary>Concerns substantiated and the child is at continuing risk: an initial child protection conference is required.</summary>
    SubstantiatedAtContinuingRisk = 3,
}

public enum Section47EventKind
{
    Started = 1,
    RolesRecorded = 2,
    OutcomeRecorded = 3,
    OutcomeReturned = 4,
    OutcomeAuthorised = 5,
}

/// <summary>One step in an enquiry's life, kept so the record shows who did what and when.</summary>
public sealed record Section47Event(Section47EnquiryId EnquiryId, Section47EventKind Kind, ProfessionalId By, DateTimeOffset At, string? Note)
{
    public long Id { get; init; }
}

/// <summary>
/// A section 47 enquiry (Children Act 1989 s47; timescale T04 in docs/lessons.md): children's social care enquires whether
/// the child is suffering, or likely to suffer, significant harm. It starts only from a held strategy discussion that
/// decided on one (L17), for the child that discussion was about; it has a lead social worker and records what the police
/// and health are doing. The lead social worker records the outcome and a manager authorises it (L20): substantiated
/// concerns with continuing risk mean an initial child protection conference is required, with the date that was decided.
/// </summary>
public sealed class Section47Enquiry
{
    public const int MaxRoleLength = 1000;
    public const int MaxReasonsLength = 8000;
    public const int MinReasonsLength = 20;

    /// <summary>How long after the strategy discussion an enquiry may still be started from it: the discussion's decision goes stale.</summary>
    public const int StartWithinDays = 30;

    public static Refusal Stale => Refusal.Conflict("this section 47 enquiry");

    /// <summary>Refused when the strategy discussion already has its enquiry, however the race was lost (the check or the index).</summary>
    public static Refusal AlreadyStarted => Refusal.Conflict("this strategy discussion",
        "A section 47 enquiry has already been started from this strategy discussion. Open it from the child's record.");

    private readonly List<Section47Event> _events = [];

    private Section47Enquiry()
    {
    }

    public Section47EnquiryId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public StrategyDiscussionId StrategyDiscussionId { get; private set; }
    /// <summary>The day the strategy discussion that started it was held (CIN census S47ActualStartDate).</summary>
    public DateOnly StartedOn { get; private set; }
    public ProfessionalId LeadSocialWorkerId { get; private set; }
    /// <summary>What the police are doing: a joint investigation, a named officer, or why they are not involved.</summary>
    public string? PoliceRole { get; private set; }
    /// <summary>What health is doing: a child protection medical, the GP's and health visitor's information.</summary>
    public string? HealthRole { get; private set; }
    public Section47Status Status { get; private set; }
    public Section47Outcome? Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public string? OutcomeReasons { get; private set; }
    /// <summary>
    /// For a continuing risk: the date the initial child protection conference was decided on (the conference itself is
    /// arranged separately).
    /// </summary>
    public DateOnly? ConferenceDecidedOn { get; private set; }
    public ProfessionalId? OutcomeRecordedBy { get; private set; }
    public ProfessionalId? AuthorisedBy { get; private set; }
    public DateTimeOffset? AuthorisedAt { get; private set; }
    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Section47Event> Events => _events;

    public bool IsOpen => Status != Section47Status.Completed;
    public bool ConferenceRequired => Outcome == Section47Outcome.SubstantiatedAtContinuingRisk;

    /// <summary>
    /// Starts an enquiry from a strategy discussion: refused unless it was held, decided on a section 47 enquiry, is about
    /// this child, was held no more than <see cref="StartWithinDays"/> days ago, and has no enquiry yet.
    /// </summary>
    public static Outcome<Section47Enquiry> Start(StrategyDiscussion discussion, bool alreadyStarted, ProfessionalId? lead,
        bool leadIsSocialWorker, string? policeRole, string? healthRole, ProfessionalId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        var errors = new List<FieldError>();
        if (discussion.Status != StrategyDiscussionStatus.Held || discussion.StartSection47 != true || discussion.HeldAt is not { } held)
        {
            return Refusal.Of("StrategyDiscussionId",
                "A section 47 enquiry can start only from a strategy discussion that was held and decided on one. "
                + "Record the strategy discussion first.");
        }

        if (alreadyStarted)
        {
            return AlreadyStarted;
        }

        if (held.InLondon() < now.InLondon().AddDays(-StartWithinDays))
        {
            errors.Add(new("StrategyDiscussionId",
                $"This strategy discussion was held more than {StartWithinDays} days ago. "
                + "Hold a new strategy discussion before starting enquiries."));
        }

        if (lead is null)
        {
            errors.Add(new("LeadSocialWorkerId", "Select the lead social worker"));
        }
        else if (!leadIsSocialWorker)
        {
            errors.Add(new("LeadSocialWorkerId", "The lead must be an active social worker in children's social care"));
        }

        CheckRoles(policeRole, healthRole, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var enquiry = new Section47Enquiry
        {
            Id = Section47EnquiryId.New(),
            ChildId = discussion.ChildId,
            StrategyDiscussionId = discussion.Id,
            StartedOn = held.InLondon(),
            LeadSocialWorkerId = lead!.Value,
            PoliceRole = Clean(policeRole),
            HealthRole = Clean(healthRole),
            Status = Section47Status.Open,
            StartedBy = by,
            StartedAt = now,
            Version = 1,
        };
        enquiry._events.Add(new Section47Event(enquiry.Id, Section47EventKind.Started, by, now, null));
        return enquiry;
    }

    /// <summary>Records what the police and health are doing, and who leads; only while enquiries are open.</summary>
    public Refusal? RecordRoles(ProfessionalId? lead, bool leadIsSocialWorker, string? policeRole, string? healthRole, ProfessionalId by,
        int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != Section47Status.Open)
        {
            return Refusal.Of("Status", "The outcome has been recorded: the roles can no longer change");
        }

        var errors = new List<FieldError>();
        if (lead is null)
        {
            errors.Add(new("LeadSocialWorkerId", "Select the lead social worker"));
        }
        else if (!leadIsSocialWorker)
        {
            errors.Add(new("LeadSocialWorkerId", "The lead must be an active social worker in children's social care"));
        }

        CheckRoles(policeRole, healthRole, errors);
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        LeadSocialWorkerId = lead!.Value;
        PoliceRole = Clean(policeRole);
        HealthRole = Clean(healthRole);
        _events.Add(new Section47Event(Id, Section47EventKind.RolesRecorded, by, now, null));
        Version++;
        return null;
    }

    /// <summary>The lead social worker (or their manager) records the outcome; a manager then authorises it.</summary>
    public Refusal? RecordOutcome(Section47Outcome? outcome, DateOnly? outcomeOn, string? reasons, DateOnly? conferenceDecidedOn,
        ProfessionalId by, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != Section47Status.Open)
        {
            return Refusal.Of("Outcome", "The outcome has already been recorded");
        }

        var today = now.InLondon();
        var errors = new List<FieldError>();
        if (outcome is not { } o || !Enum.IsDefined(o))
        {
            errors.Add(new("Outcome", "Select the outcome of the enquiry"));
        }

        CheckDate(outcomeOn, "OutcomeOn", "the outcome was reached", today, errors);
        if (outcomeOn is { } reached && reached < StartedOn)
        {
            errors.Add(new("OutcomeOn", "The outcome cannot be reached before the enquiry started"));
        }

        if (string.IsNullOrWhiteSpace(reasons) || reasons.Trim().Length < MinReasonsLength)
        {
            errors.Add(new("OutcomeReasons", "Enter the reasons for the outcome: what was found and how it was judged"));
        }
        else if (reasons.Trim().Length > MaxReasonsLength)
        {
            errors.Add(new("OutcomeReasons", $"The reasons must be {MaxReasonsLength:N0} characters or fewer"));
        }

        if (outcome == Section47Outcome.SubstantiatedAtContinuingRisk)
        {
            CheckDate(conferenceDecidedOn, "ConferenceDecidedOn", "the initial child protection conference was decided on", today, errors);
            if (conferenceDecidedOn is { } decided && outcomeOn is { } on && decided < on)
            {
                errors.Add(new("ConferenceDecidedOn", "The conference cannot be decided on before the outcome was reached"));
            }
        }
        else if (conferenceDecidedOn is not null)
        {
            errors.Add(new("ConferenceDecidedOn", "A conference is decided on only when the child is at continuing risk"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Outcome = outcome;
        OutcomeOn = outcomeOn;
        OutcomeReasons = reasons!.Trim();
        ConferenceDecidedOn = conferenceDecidedOn;
        OutcomeRecordedBy = by;
        Status = Section47Status.OutcomeRecorded;
        _events.Add(new Section47Event(Id, Section47EventKind.OutcomeRecorded, by, now, outcome.ToString()));
        Version++;
        return null;
    }

    /// <summary>A manager authorises the recorded outcome; the one who recorded it cannot authorise their own.</summary>
    public Refusal? Authorise(ProfessionalId manager, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != Section47Status.OutcomeRecorded)
        {
            return Refusal.Of("Status", Status == Section47Status.Completed
                ? "The outcome has already been authorised"
                : "Record the outcome before it can be authorised");
        }

        if (OutcomeRecordedBy == manager)
        {
            return Refusal.NotAllowed("Status", "Another manager must authorise an outcome you recorded yourself");
        }

        AuthorisedBy = manager;
        AuthorisedAt = now;
        Status = Section47Status.Completed;
        _events.Add(new Section47Event(Id, Section47EventKind.OutcomeAuthorised, manager, now, Outcome.ToString()));
        Version++;
        return null;
    }

    /// <summary>A manager sends the outcome back to the lead social worker, saying why; it can then be recorded again.</summary>
    public Refusal? ReturnOutcome(string? reason, ProfessionalId manager, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Status != Section47Status.OutcomeRecorded)
        {
            return Refusal.Of("Status", "Only an outcome waiting for authorisation can be returned");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonsLength)
        {
            return Refusal.Of("Reason", "Enter what must change before the outcome can be authorised");
        }

        Status = Section47Status.Open;
        Outcome = null;
        OutcomeOn = null;
        ConferenceDecidedOn = null;
        OutcomeRecordedBy = null;
        _events.Add(new Section47Event(Id, Section47EventKind.OutcomeReturned, manager, now, reason.Trim()));
        Version++;
        return null;
    }

    /// <summary>
    /// The legal status that should follow the authorised outcome, or null to leave the current one alone (L20). While the
    /// child is at continuing risk the enquiry's status stands until the conference decides; otherwise a child whose status is
    /// still "section 47 enquiry" becomes a child in need. A status above it (a plan, looked after) is never lowered.
    /// </summary>
    /// <remarks>
    /// While another enquiry about the child is still open (a second strategy discussion decided on one) the status stays a
    /// section 47 enquiry: it is the child's status, not this enquiry's.
    /// </remarks>
    public LegalStatusKind? StatusAfterCompletion(LegalStatusKind? current, bool anotherEnquiryOpen = false) =>
        Status == Section47Status.Completed && !ConferenceRequired && !anotherEnquiryOpen && current == LegalStatusKind.Section47Enquiry
            ? LegalStatusKind.ChildInNeed
            : null;

    /// <summary>
    /// The legal status an open enquiry needs, or null to leave the current one alone (L20): a child with no status, early help
    /// or a child in need is under a section 47 enquiry while it is open; a status already at or above it (the enquiry itself,
    /// a child protection plan, looked after, police protection, a care leaver) is never replaced.
    /// </summary>
    public static LegalStatusKind? StatusWhileOpen(LegalStatusKind? current) =>
        current is null or LegalStatusKind.None or LegalStatusKind.EarlyHelp or LegalStatusKind.ChildInNeed
            ? LegalStatusKind.Section47Enquiry
            : null;

    private static void CheckRoles(string? policeRole, string? healthRole, List<FieldError> errors)
    {
        if (policeRole?.Trim().Length > MaxRoleLength)
        {
            errors.Add(new("PoliceRole", $"The police role must be {MaxRoleLength:N0} characters or fewer"));
        }

        if (healthRole?.Trim().Length > MaxRoleLength)
        {
            errors.Add(new("HealthRole", $"The health role must be {MaxRoleLength:N0} characters or fewer"));
        }
    }

    private static void CheckDate(DateOnly? date, string field, string what, DateOnly today, List<FieldError> errors)
    {
        if (date is not { } d)
        {
            errors.Add(new(field, $"Enter the date {what}"));
        }
        else if (d > today)
        {
            errors.Add(new(field, $"The date {what} must be today or in the past"));
        }
        else if (d < today.AddYears(-2))
        {
            errors.Add(new(field, $"The date {what} must be within the last 2 years"));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
