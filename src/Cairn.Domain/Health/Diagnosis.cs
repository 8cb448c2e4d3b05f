using Cairn.Domain.Time;

namespace Cairn.Domain.Health;

public enum DiagnosisStatus
{
    Current = 1,
    Superseded = 2,
    Queried = 3,
}

/// <summary>
/// A diagnosis, dated and sourced. Multiple and changing diagnoses confused everyone around Child F (L28):
/// a diagnosis is never edited away; its status changes and the change is kept.
/// </summary>
public sealed class Diagnosis
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this diagnosis");

    private readonly List<DiagnosisStatusChange> _changes = [];

    private Diagnosis()
    {
        Condition = "";
        Source = "";
    }

    public DiagnosisId Id { get; private set; }
    public PersonId PersonId { get; private set; }
    public string Condition { get; private set; }
    public DateOnly DiagnosedOn { get; private set; }
    /// <summary>Who made the diagnosis, e.g. "Consultant paediatrician, county hospital".</summary>
    public string Source { get; private set; }
    public DiagnosisStatus Status { get; private set; }
    public string? Notes { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<DiagnosisStatusChange> Changes => _changes;

    public static Outcome<Diagnosis> Record(PersonId person, string condition, DateOnly? diagnosedOn, string source, string? notes,
        ProfessionalId by, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(condition))
        {
            errors.Add(new("Condition", "Enter the diagnosis"));
        }

        if (diagnosedOn is null)
        {
            errors.Add(new("DiagnosedOn", "Enter the date of the diagnosis"));
        }
        else if (diagnosedOn > now.InLondon())
        {
            errors.Add(new("DiagnosedOn", "The date of the diagnosis must be today or in the past"));
        }
        else if (Plausible.TooEarly(diagnosedOn.Value, "The date of the diagnosis") is { } tooEarly)
        {
            errors.Add(new("DiagnosedOn", tooEarly));
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(new("Source", "Enter who made the diagnosis"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return Outcome<Diagnosis>.Success(new Diagnosis
        {
            Id = DiagnosisId.New(),
            PersonId = person,
            Condition = condition.Trim(),
            DiagnosedOn = diagnosedOn!.Value,
            Source = source.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Status = DiagnosisStatus.Current,
            RecordedBy = by,
            RecordedAt = now,
            Version = 1,
        });
    }

    public Refusal? ChangeStatus(DiagnosisStatus status, string reason, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (!Enum.IsDefined(status) || status == Status)
        {
            return Refusal.Of("Status", "Select a different status");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Reason", "Enter the reason for the change, for example the later diagnosis that replaces it");
        }

        _changes.Add(new DiagnosisStatusChange(Id, Status, status, reason.Trim(), by, now));
        Status = status;
        Version++;
        return null;
    }
}

public sealed record DiagnosisStatusChange(DiagnosisId DiagnosisId, DiagnosisStatus From, DiagnosisStatus To, string Reason,
    ProfessionalId ChangedBy, DateTimeOffset ChangedAt)
{
    public long Id { get; init; }
}
