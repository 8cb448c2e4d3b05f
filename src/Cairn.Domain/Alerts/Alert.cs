using Cairn.Domain.Time;

namespace Cairn.Domain.Alerts;

public enum AlertCategory
{
    RiskFromAPerson = 1,
    DomesticAbuse = 2,
    Exploitation = 3,
    Missing = 4,
    SelfHarm = 5,
    MedicalNeed = 6,
    RiskToProfessionals = 7,
    ChildProtection = 8,
    Other = 99,
}

public enum AlertStatus
{
    Active = 1,
    Closed = 2,
}

/// <summary>An alert as someone wants to raise it. Vague alerts are refused (L07).</summary>
public sealed record AlertDraft(
    AlertCategory? Category,
    string? Risk,
    string? AtRisk,
    string? FromWhom,
    string? Source,
    DateOnly? RaisedOn,
    DateOnly? ReviewBy,
    string? Description)
{
    /// <summary>A description shorter than this cannot say what the risk is, to whom and what to do about it.</summary>
    public const int MinDescriptionLength = 80;
    public const int MinDescriptionWords = 12;
    public const int MaxReviewMonths = 12;

    public Refusal? Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (Category is null || !Enum.IsDefined(Category.Value))
        {
            errors.Add(new("Category", "Select the category of the alert"));
        }

        Require(errors, Risk, "Risk", "Enter what the risk is");
        Require(errors, AtRisk, "AtRisk", "Enter who is at risk");
        Require(errors, FromWhom, "FromWhom", "Enter who or what the risk is from");
        Require(errors, Source, "Source", "Enter the source of the information, for example a police incident or a disclosure");
        if (RaisedOn is null)
        {
            errors.Add(new("RaisedOn", "Enter the date the alert was raised"));
        }
        else if (RaisedOn > today)
        {
            errors.Add(new("RaisedOn", "The date raised must be today or in the past"));
        }

        if (ReviewBy is null)
        {
            errors.Add(new("ReviewBy", "Enter the date the alert must be reviewed by"));
        }
        else if (RaisedOn is { } raised && (ReviewBy <= raised || ReviewBy > raised.AddMonths(MaxReviewMonths)))
        {
            errors.Add(new("ReviewBy", $"The review date must be after the date raised and within {MaxReviewMonths} months of it"));
        }
        else if (ReviewBy < today)
        {
            errors.Add(new("ReviewBy", "The review date must be today or in the future"));
        }

        var description = Description?.Trim() ?? "";
        var words = description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (description.Length == 0)
        {
            errors.Add(new("Description", "Enter a description of the risk and what professionals should do"));
        }
        else if (description.Length < MinDescriptionLength || words < MinDescriptionWords)
        {
            errors.Add(new("Description",
                "The description is too short to act on. Describe the risk, the circumstances and what professionals should do, " +
                $"in at least {MinDescriptionWords} words ({MinDescriptionLength} characters)"));
        }

        return Refusal.FromErrors(errors);
    }

    private static void Require(List<FieldError> errors, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
    }
}

/// <summary>A structured alert on a child's record, shown at the top of every page about the child.</summary>
public sealed class Alert
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this alert");

    private readonly List<AlertEvent> _history = [];

    private Alert()
    {
        Risk = "";
        AtRisk = "";
        FromWhom = "";
        Source = "";
        Description = "";
    }

    public AlertId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public AlertCategory Category { get; private set; }
    public string Risk { get; private set; }
    public string AtRisk { get; private set; }
    public string FromWhom { get; private set; }
    public string Source { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateOnly ReviewBy { get; private set; }
    public string Description { get; private set; }
    /// <summary>Who must review the alert; overdue reviews are listed for them.</summary>
    public ProfessionalId OwnerId { get; private set; }
    public AlertStatus Status { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AlertEvent> History => _history;

    public bool IsReviewOverdue(DateOnly today) => Status == AlertStatus.Active && ReviewBy < today;

    public static Outcome<Alert> Raise(PersonId child, AlertDraft draft, ProfessionalId owner, DateTimeOffset now)
    {
        var refusal = draft.Validate(now.InLondon());
        if (refusal is not null)
        {
            return refusal;
        }

        var alert = new Alert
        {
            Id = AlertId.New(),
            ChildId = child,
            Category = draft.Category!.Value,
            Risk = draft.Risk!.Trim(),
            AtRisk = draft.AtRisk!.Trim(),
            FromWhom = draft.FromWhom!.Trim(),
            Source = draft.Source!.Trim(),
            RaisedOn = draft.RaisedOn!.Value,
            ReviewBy = draft.ReviewBy!.Value,
            Description = draft.Description!.Trim(),
            OwnerId = owner,
            Status = AlertStatus.Active,
            Version = 1,
        };
        alert._history.Add(new AlertEvent(alert.Id, AlertEventKind.Raised, now, owner, null, alert.ReviewBy));
        return Outcome<Alert>.Success(alert);
    }

    /// <summary>Records a review: the alert still stands and is next reviewed by a later date.</summary>
    public Refusal? Review(DateOnly nextReviewBy, string note, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        var today = now.InLondon();
        if (Refuse(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (nextReviewBy <= today || nextReviewBy > today.AddMonths(AlertDraft.MaxReviewMonths))
        {
            return Refusal.Of("NextReviewBy", $"The next review date must be in the future and within {AlertDraft.MaxReviewMonths} months");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Refusal.Of("Note", "Enter why the alert still stands");
        }

        ReviewBy = nextReviewBy;
        Version++;
        _history.Add(new AlertEvent(Id, AlertEventKind.Reviewed, now, by, note.Trim(), nextReviewBy));
        return null;
    }

    public Refusal? Close(string reason, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (Refuse(expectedVersion) is { } stale)
        {
            return stale;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Reason", "Enter why the alert no longer applies");
        }

        Status = AlertStatus.Closed;
        Version++;
        _history.Add(new AlertEvent(Id, AlertEventKind.Closed, now, by, reason.Trim(), null));
        return null;
    }

    private Refusal? Refuse(int expectedVersion)
    {
        if (Status != AlertStatus.Active)
        {
            return Refusal.Conflict("this alert", "This alert has already been closed");
        }

        return expectedVersion != Version ? Stale : null;
    }
}

public enum AlertEventKind
{
    Raised = 1,
    Reviewed = 2,
    Closed = 3,
}

public sealed record AlertEvent(AlertId AlertId, AlertEventKind Kind, DateTimeOffset At, ProfessionalId By, string? Note, DateOnly? ReviewBy)
{
    public long Id { get; init; }
}
