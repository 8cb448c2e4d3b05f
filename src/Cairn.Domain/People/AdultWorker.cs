namespace Cairn.Domain.People;

/// <summary>The service an adult's own allocated worker comes from (L29).</summary>
public enum AdultService
{
    AdultSocialCare = 1,
    MentalHealth = 2,
    LearningDisability = 3,
    SubstanceMisuse = 4,
    Probation = 5,
    Other = 99,
}

/// <summary>
/// A parent's (or other adult's) own allocated worker: adult social care, mental health, learning disability services (L29).
/// They are the team around that adult: invited to and told of child protection conferences about the adult's children
/// automatically, so a parent's own social worker is never left out of child protection proceedings.
/// </summary>
public sealed class AdultWorker
{
    private AdultWorker()
    {
    }

    public long Id { get; private set; }
    public PersonId AdultId { get; private set; }
    public ProfessionalId ProfessionalId { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public AdultService Service { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsCurrentOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);

    /// <summary>Links a worker to an adult. Refused for a child, a date in the future or long past, or a worker already linked.</summary>
    public static Outcome<AdultWorker> Link(PersonId adult, bool isAdult, ProfessionalId? professional, AgencyId? agency, AdultService? service,
        DateOnly? startedOn, bool alreadyLinked, ProfessionalId by, DateTimeOffset now)
    {
        var today = Time.LocalDate.InLondon(now);
        var errors = new List<FieldError>();
        if (!isAdult)
        {
            errors.Add(new("AdultId", "An allocated worker is linked to an adult: a parent or carer"));
        }

        if (professional is null || agency is null)
        {
            errors.Add(new("ProfessionalId", "Select the adult's allocated worker"));
        }
        else if (alreadyLinked)
        {
            errors.Add(new("ProfessionalId", "This worker is already linked to the adult"));
        }

        if (service is not { } s || !Enum.IsDefined(s))
        {
            errors.Add(new("Service", "Select the service the worker is from"));
        }

        if (startedOn is not { } start)
        {
            errors.Add(new("StartedOn", "Enter the date the worker was allocated"));
        }
        else if (start > today || start < today.AddYears(-50))
        {
            errors.Add(new("StartedOn", "The date the worker was allocated must be in the past"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new AdultWorker
        {
            AdultId = adult,
            ProfessionalId = professional!.Value,
            AgencyId = agency!.Value,
            Service = service!.Value,
            StartedOn = startedOn!.Value,
            RecordedBy = by,
            RecordedAt = now,
            Version = 1,
        };
    }

    /// <summary>Ends the allocation.</summary>
    public Refusal? End(DateOnly? on, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Refusal.Conflict("this allocated worker");
        }

        if (EndedOn is not null)
        {
            return Refusal.Of("EndedOn", "This allocation has already ended");
        }

        if (on is not { } day || day < StartedOn || day > Time.LocalDate.InLondon(now))
        {
            return Refusal.Of("EndedOn", $"Enter an end date from {StartedOn:d MMMM yyyy} to today");
        }

        EndedOn = day;
        Version++;
        return null;
    }
}
