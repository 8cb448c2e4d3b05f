namespace Cairn.Domain.People;

/// <summary>A typed, dated relationship: <see cref="FromPersonId"/> is the <see cref="Type"/> of <see cref="ToPersonId"/>.</summary>
public sealed class Relationship
{
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

    public bool IsCurrentOn(DateOnly date) => (StartedOn is null || StartedOn <= date) && (EndedOn is null || EndedOn >= date);

    public static Outcome<Relationship> Record(PersonId from, PersonId to, RelationshipType type, DateOnly? startedOn,
        DateOnly? endedOn, string? notes, ProfessionalId by, DateTimeOffset now)
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

        if (startedOn is { } s && endedOn is { } e && e < s)
        {
            errors.Add(new("EndedOn", "The end date must be the same as or after the start date"));
        }

        if (type == RelationshipType.PersonPosingRisk && string.IsNullOrWhiteSpace(notes))
        {
            errors.Add(new("Notes", "Describe the risk this person poses and where that information came from"));
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
        });
    }

    public Refusal? End(DateOnly on)
    {
        if (EndedOn is not null)
        {
            return Refusal.Of("EndedOn", "This relationship has already ended");
        }

        if (StartedOn is { } s && on < s)
        {
            return Refusal.Of("EndedOn", "The end date must be the same as or after the start date");
        }

        EndedOn = on;
        return null;
    }
}
