namespace Cairn.Domain.People;

/// <summary>
/// A typed, dated relationship: <see cref="FromPersonId"/> is the <see cref="Type"/> of <see cref="ToPersonId"/>.
/// A relationship that stops is ended with a date, never removed, so the family's history survives (L44).
/// </summary>
public sealed class Relationship
{
    public const int MaxNotesLength = 4000;

    /// <summary>The message for a stale version, also used when the database catches the race.</summary>
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this relationship");

    private Relationship()
    {
    }

    public RelationshipId Id { get; private set; }
    public PersonId FromPersonId { get; private set; }
    public PersonId ToPersonId { get; private set; }
    public RelationshipType Type { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? Notes { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>Optimistic concurrency: an end based on an older version is refused, never last-write-wins.</summary>
    public int Version { get; private set; }

    public bool IsCurrentOn(DateOnly date) => (StartedOn is null || StartedOn <= date) && (EndedOn is null || EndedOn >= date);

    public bool Involves(PersonId person) => FromPersonId == person || ToPersonId == person;

    public PersonId OtherThan(PersonId person) => FromPersonId == person ? ToPersonId : FromPersonId;

    public static Outcome<Relationship> Record(PersonId from, PersonId to, RelationshipType type, DateOnly? startedOn,
        DateOnly? endedOn, string? notes, ProfessionalId by, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (from == to)
        {
            errors.Add(new("OtherPersonId", "A person cannot be related to themselves"));
        }

        if (!Enum.IsDefined(type))
        {
            errors.Add(new("Type", "Select the type of relationship"));
        }

        if (startedOn > today)
        {
            errors.Add(new("StartedOn", "The start date must be today or in the past"));
        }

        if (endedOn > today)
        {
            errors.Add(new("EndedOn", "The end date must be today or in the past"));
        }
        else if (startedOn is { } s && endedOn is { } e && e < s)
        {
            errors.Add(new("EndedOn", "The end date must be the same as or after the start date"));
        }

        if (type == RelationshipType.PersonPosingRisk && string.IsNullOrWhiteSpace(notes))
        {
            errors.Add(new("Notes", "Describe the risk this person poses and where that information came from"));
        }
        else if (notes?.Trim().Length > MaxNotesLength)
        {
            errors.Add(new("Notes", $"Notes must be {MaxNotesLength} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return Outcome<Relationship>.Success(new Relationship
        {
            Id = RelationshipId.New(),
            FromPersonId = from,
            ToPersonId = to,
            Type = type,
            StartedOn = startedOn,
            EndedOn = endedOn,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedBy = by,
            RecordedAt = now,
            Version = 1,
        });
    }

    /// <summary>
    /// Refuses a second current relationship of the same type between the same two people (either way round
    /// for sibling and household member). An ended one does not count: the relationship may have started again.
    /// </summary>
    public static Refusal? AlreadyRecorded(IEnumerable<Relationship> existing, PersonId from, PersonId to, RelationshipType type, DateOnly today)
    {
        var symmetric = type is RelationshipType.Sibling or RelationshipType.HouseholdMember;
        var duplicate = existing.Any(r => r.Type == type && (r.EndedOn is null || r.EndedOn >= today)
            && ((r.FromPersonId == from && r.ToPersonId == to) || (symmetric && r.FromPersonId == to && r.ToPersonId == from)));
        return duplicate ? Refusal.Of("Type", "This relationship is already recorded. End the current one first if it has changed") : null;
    }

    /// <summary>Ends the relationship on a date. It stays on both people's records as history.</summary>
    public Refusal? End(DateOnly on, int expectedVersion, DateOnly today)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Of("EndedOn", "This relationship has already ended");
        }

        if (on > today)
        {
            return Refusal.Of("EndedOn", "The end date must be today or in the past");
        }

        if (StartedOn is { } s && on < s)
        {
            return Refusal.Of("EndedOn", "The end date must be the same as or after the start date");
        }

        EndedOn = on;
        Version++;
        return null;
    }
}
