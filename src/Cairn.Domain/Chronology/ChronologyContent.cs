using Cairn.Domain.Concerns;

namespace Cairn.Domain.Chronology;

public enum ChronologyCategory
{
    Incident = 1,
    HomeVisit = 2,
    Appointment = 3,
    Assessment = 4,
    Decision = 5,
    Meeting = 6,
    HealthAttendance = 7,
    Education = 8,
    Police = 9,
    MissingEpisode = 10,
    /// <summary>A step in a share between agencies: sent, received, actioned, declined, redirected or closed (L01).</summary>
    InformationShared = 11,
    /// <summary>A contact to the front door: a referral, a call or a police notification (L06).</summary>
    FrontDoorContact = 12,
    Other = 99,
}

public enum Significance
{
    Routine = 1,
    Significant = 2,
    Critical = 3,
}

public enum ContactMode
{
    FaceToFace = 1,
    Phone = 2,
    Video = 3,
    Letter = 4,
}

/// <summary>
/// What happened at an appointment. For a child there is no "did not attend": children depend on adults
/// to bring them (L08).
/// </summary>
public enum AppointmentOutcome
{
    Attended = 1,
    WasNotBrought = 2,
    CancelledByFamily = 3,
    CancelledByService = 4,
    NoAccess = 5,
    /// <summary>Only for an adult's own appointment.</summary>
    DidNotAttend = 6,
}

/// <summary>The child's own words and how they were gathered, or why they could not be (L08).</summary>
public sealed record VoiceOfChild(string? ChildsWords, string? HowGathered, string? WhyNotGathered)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(ChildsWords) && string.IsNullOrWhiteSpace(HowGathered)
        && string.IsNullOrWhiteSpace(WhyNotGathered);
}

/// <summary>
/// The content of a chronology entry. An amendment replaces the content and keeps the old one as a
/// revision, so the original stays visible in the entry's history.
/// </summary>
public sealed record ChronologyContent(
    DateTimeOffset OccurredAt,
    ChronologyCategory Category,
    Significance Significance,
    ContactMode? ContactMode,
    AppointmentOutcome? AppointmentOutcome,
    string Summary,
    string? Detail,
    VoiceOfChild? Voice)
{
    // For EF Core: the nested voice of the child cannot be bound through the positional constructor.
    private ChronologyContent()
        : this(default, default, default, null, null, "", null, null)
    {
    }

    /// <summary>
    /// The causes for concern the recorder saw in this event, if any. They let low-level concerns from different
    /// agencies add up (L04) and show household risks to the youngest children (L05).
    /// </summary>
    public ConcernTheme Concerns { get; init; }

    /// <summary>Every theme there is, for checking a stored or posted value.</summary>
    public const ConcernTheme AllConcerns = (ConcernTheme)((int)ConcernTheme.Education * 2 - 1);

    public const int MaxSummaryLength = 200;
    public const int MaxDetailLength = 20_000;

    /// <summary>Entries that are visits or assessments must carry the voice of the child.</summary>
    public bool RequiresVoiceOfChild => Category is ChronologyCategory.HomeVisit or ChronologyCategory.Assessment;

    /// <summary>Checks the content against the rules. <paramref name="concernsAChild"/>: a child is among the people it concerns.</summary>
    public Refusal? Validate(bool concernsAChild, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Category))
        {
            errors.Add(new("Category", "Select what kind of entry this is"));
        }

        if (!Enum.IsDefined(Significance))
        {
            errors.Add(new("Significance", "Select how significant this is"));
        }

        if (ContactMode is { } mode && !Enum.IsDefined(mode))
        {
            errors.Add(new("ContactMode", "Select how the contact happened"));
        }

        if ((Concerns & ~AllConcerns) != 0)
        {
            errors.Add(new("Concerns", "Select causes for concern from the list"));
        }

        if (OccurredAt > now.AddMinutes(5))
        {
            errors.Add(new("OccurredAt", "The date and time it happened must be in the past"));
        }
        else if (Plausible.TooEarly(OccurredAt, "The date it happened") is { } tooEarly)
        {
            errors.Add(new("OccurredAt", tooEarly));
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            errors.Add(new("Summary", "Enter a summary of what happened"));
        }
        else if (Summary.Length > MaxSummaryLength)
        {
            errors.Add(new("Summary", $"The summary must be {MaxSummaryLength} characters or fewer; put the rest in the detail"));
        }

        if (Detail is { Length: > MaxDetailLength })
        {
            errors.Add(new("Detail", $"The detail must be {MaxDetailLength:N0} characters or fewer"));
        }

        if (Category == ChronologyCategory.Appointment)
        {
            if (AppointmentOutcome is null || !Enum.IsDefined(AppointmentOutcome.Value))
            {
                errors.Add(new("AppointmentOutcome", "Select the outcome of the appointment"));
            }
            else if (AppointmentOutcome == Chronology.AppointmentOutcome.DidNotAttend && concernsAChild)
            {
                errors.Add(new("AppointmentOutcome",
                    "Record a child's missed appointment as 'Was not brought', not 'Did not attend'. " +
                    "Children depend on the adults around them to bring them to appointments."));
            }
        }
        else if (AppointmentOutcome is not null)
        {
            errors.Add(new("AppointmentOutcome", "An outcome applies only to an appointment"));
        }

        if (RequiresVoiceOfChild && concernsAChild)
        {
            ValidateVoice(errors);
        }

        return Refusal.FromErrors(errors);
    }

    private void ValidateVoice(List<FieldError> errors)
    {
        var voice = Voice ?? new VoiceOfChild(null, null, null);
        var hasWords = !string.IsNullOrWhiteSpace(voice.ChildsWords);
        var hasHow = !string.IsNullOrWhiteSpace(voice.HowGathered);
        var hasWhyNot = !string.IsNullOrWhiteSpace(voice.WhyNotGathered);
        if (!hasWords && !hasWhyNot)
        {
            errors.Add(new("ChildsWords",
                "Enter the child's own words about their views, wishes and day-to-day life, or explain why they could not be gathered"));
        }
        else if (hasWords && !hasHow)
        {
            errors.Add(new("HowGathered", "Enter how the child's views were gathered, for example seen alone at school"));
        }
    }
}
