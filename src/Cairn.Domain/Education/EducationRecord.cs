using Cairn.Domain.Time;

namespace Cairn.Domain.Education;

public enum EducationStatus
{
    AtSchool = 1,
    /// <summary>The parent has chosen to educate at home; the child may become invisible to services (L50).</summary>
    ElectivelyHomeEducated = 2,
    /// <summary>Of school age, on no school roll and not home educated.</summary>
    MissingEducation = 3,
    NotOfSchoolAge = 4,
    /// <summary>Alternative provision, tuition, a hospital school and the like.</summary>
    Other = 5,
}

/// <summary>The details as someone records them.</summary>
public sealed record EducationDraft(EducationStatus? Status, DateOnly? Since, bool HasComplexNeeds, string? ComplexNeeds, string? Reason)
{
    public const int MaxComplexNeedsLength = 500;
    public const int MaxReasonLength = 2000;
}

/// <summary>
/// A child's education and complex needs (L09, L50): where the child is educated since when, and whether they have
/// complex needs (an EHCP, a disability). Elective home education of a child with complex needs hid them from
/// services; these two facts feed the off-the-radar check. Every change is kept with who, when and why.
/// </summary>
public sealed class EducationRecord
{
    /// <summary>The refusal for a stale version or a lost race.</summary>
    public static Refusal Stale => Refusal.Conflict("this child's education details");

    private readonly List<EducationRevision> _revisions = [];

    private EducationRecord()
    {
    }

    public PersonId PersonId { get; private set; }
    public EducationStatus Status { get; private set; }
    public DateOnly Since { get; private set; }
    public bool HasComplexNeeds { get; private set; }
    /// <summary>A short description, for example "EHCP: autism, speech and language".</summary>
    public string? ComplexNeeds { get; private set; }
    /// <summary>Kept beside <see cref="Status"/> so the concern rules read both flags from one index.</summary>
    public bool ElectivelyHomeEducated { get; private set; }
    public ProfessionalId UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<EducationRevision> Revisions => _revisions;

    public static Outcome<EducationRecord> Record(PersonId child, EducationDraft draft, ProfessionalId by, DateTimeOffset now)
    {
        if (Validate(draft, now) is { } refusal)
        {
            return refusal;
        }

        var record = new EducationRecord { PersonId = child };
        record.Apply(draft, by, now);
        return Outcome<EducationRecord>.Success(record);
    }

    public Refusal? Change(EducationDraft draft, int expectedVersion, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (Validate(draft, now) is { } refusal)
        {
            return refusal;
        }

        if (draft.Status == Status && draft.Since == Since && draft.HasComplexNeeds == HasComplexNeeds && Blank(draft.ComplexNeeds) == ComplexNeeds)
        {
            return Refusal.Of("Status", "Nothing has changed. Change the education status, the date or the complex needs.");
        }

        Apply(draft, by, now);
        return null;
    }

    private static Refusal? Validate(EducationDraft draft, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (draft.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(new("Status", "Select the child's education status"));
        }

        if (draft.Since is not { } since)
        {
            errors.Add(new("Since", "Enter the date this has been the case since"));
        }
        else if (since > now.InLondon())
        {
            errors.Add(new("Since", "The date must be today or in the past"));
        }

        var needs = Blank(draft.ComplexNeeds);
        if (draft.HasComplexNeeds && needs is null)
        {
            errors.Add(new("ComplexNeeds", "Describe the child's complex needs, for example an EHCP or a disability"));
        }
        else if (!draft.HasComplexNeeds && needs is not null)
        {
            errors.Add(new("ComplexNeeds", "Only describe complex needs when the child has them"));
        }
        else if (needs?.Length > EducationDraft.MaxComplexNeedsLength)
        {
            errors.Add(new("ComplexNeeds", $"The description must be {EducationDraft.MaxComplexNeedsLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(draft.Reason))
        {
            errors.Add(new("Reason", "Enter how you know or why this changed, for example what the school told you"));
        }
        else if (draft.Reason.Trim().Length > EducationDraft.MaxReasonLength)
        {
            errors.Add(new("Reason", $"The reason must be {EducationDraft.MaxReasonLength:N0} characters or fewer"));
        }

        return Refusal.FromErrors(errors);
    }

    private void Apply(EducationDraft draft, ProfessionalId by, DateTimeOffset now)
    {
        Status = draft.Status!.Value;
        ElectivelyHomeEducated = Status == EducationStatus.ElectivelyHomeEducated;
        Since = draft.Since!.Value;
        HasComplexNeeds = draft.HasComplexNeeds;
        ComplexNeeds = Blank(draft.ComplexNeeds);
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
        _revisions.Add(new EducationRevision
        {
            PersonId = PersonId,
            Version = Version,
            Status = Status,
            Since = Since,
            HasComplexNeeds = HasComplexNeeds,
            ComplexNeeds = ComplexNeeds,
            Reason = draft.Reason!.Trim(),
            RecordedBy = by,
            RecordedAt = now,
        });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The details as they stood from one version, and who recorded them, when and why.</summary>
public sealed record EducationRevision
{
    public long Id { get; init; }
    public required PersonId PersonId { get; init; }
    public required int Version { get; init; }
    public required EducationStatus Status { get; init; }
    public required DateOnly Since { get; init; }
    public required bool HasComplexNeeds { get; init; }
    public string? ComplexNeeds { get; init; }
    public required string Reason { get; init; }
    public required ProfessionalId RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>What the off-the-radar check (L09) needs to know about one child's education.</summary>
public readonly record struct EducationFlags(PersonId PersonId, bool HasComplexNeeds, bool ElectivelyHomeEducated);
