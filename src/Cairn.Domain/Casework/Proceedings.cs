using Cairn.Domain.Time;

namespace Cairn.Domain.Casework;

public enum ProceedingsKind
{
    /// <summary>The pre-proceedings stage of the public law outline: a letter before proceedings, a meeting with the parents.</summary>
    PreProceedings = 1,
    /// <summary>Care proceedings issued in the family court (section 31).</summary>
    CareProceedings = 2,
}

/// <summary>An advocate recorded for one family member in proceedings, or why they have none (L30).</summary>
public sealed class FamilyAdvocate
{
    public const int MaxLength = 300;

    private FamilyAdvocate()
    {
    }

    public long Id { get; private set; }
    public ProceedingsId ProceedingsId { get; private set; }
    public PersonId FamilyMemberId { get; private set; }
    /// <summary>The advocate and their organisation.</summary>
    public string? Advocate { get; private set; }
    public string? NoAdvocateReason { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static FamilyAdvocate Create(ProceedingsId proceedings, PersonId member, string? advocate, string? reason, ProfessionalId by,
        DateTimeOffset now) => new()
        {
            ProceedingsId = proceedings,
            FamilyMemberId = member,
            Advocate = advocate,
            NoAdvocateReason = reason,
            RecordedBy = by,
            RecordedAt = now,
        };
}

/// <summary>
/// Pre-proceedings or care proceedings for a child (L30). Starting them schedules the family group decision-making meeting
/// (offered, or a reason recorded why not) and prompts for an advocate for each family member: each parent without one
/// recorded, or a reason why not, is flagged until it is.
/// </summary>
public sealed class Proceedings
{
    public static Refusal Stale => Refusal.Conflict("these proceedings");

    private readonly List<FamilyAdvocate> _advocates = [];

    private Proceedings()
    {
    }

    public ProceedingsId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ProceedingsKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public ProfessionalId StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<FamilyAdvocate> Advocates => _advocates;

    public bool IsOpen => EndedOn is null;

    public static Outcome<Proceedings> Start(PersonId child, ProceedingsKind? kind, DateOnly? startedOn, bool alreadyOpen, ProfessionalId by,
        DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(new("Kind", "Select pre-proceedings or care proceedings"));
        }

        if (startedOn is not { } on)
        {
            errors.Add(new("StartedOn", "Enter the date the proceedings started"));
        }
        else if (on > now.InLondon() || on < now.InLondon().AddYears(-2))
        {
            errors.Add(new("StartedOn", "The start date must be in the last two years, and not in the future"));
        }

        if (alreadyOpen)
        {
            errors.Add(new("Kind", "Proceedings of this kind are already open for the child"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new Proceedings
        {
            Id = ProceedingsId.New(),
            ChildId = child,
            Kind = kind!.Value,
            StartedOn = startedOn!.Value,
            StartedBy = by,
            StartedAt = now,
            Version = 1,
        };
    }

    /// <summary>Records a family member's advocate, or why they have none; a later entry for the same person replaces the earlier.</summary>
    public Refusal? RecordAdvocate(PersonId member, bool isFamilyMember, string? advocate, string? noAdvocateReason, ProfessionalId by,
        int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var name = string.IsNullOrWhiteSpace(advocate) ? null : advocate.Trim();
        var reason = string.IsNullOrWhiteSpace(noAdvocateReason) ? null : noAdvocateReason.Trim();
        if (!isFamilyMember)
        {
            return Refusal.Of("FamilyMemberId", "Select a member of the child's family");
        }

        if ((name is null) == (reason is null))
        {
            return Refusal.Of("Advocate", "Enter the advocate, or why the family member has none, but not both");
        }

        if (name?.Length > FamilyAdvocate.MaxLength || reason?.Length > FamilyAdvocate.MaxLength)
        {
            return Refusal.Of(name is null ? "NoAdvocateReason" : "Advocate", $"This must be {FamilyAdvocate.MaxLength} characters or fewer");
        }

        _advocates.RemoveAll(a => a.FamilyMemberId == member);
        _advocates.Add(FamilyAdvocate.Create(Id, member, name, reason, by, now));
        Version++;
        return null;
    }

    /// <summary>The family members (parents) with no advocate recorded and no reason why not: each is a prompt (L30).</summary>
    public IReadOnlyList<PersonId> WithoutAdvocate(IEnumerable<PersonId> parents) =>
        parents.Where(p => _advocates.All(a => a.FamilyMemberId != p)).ToList();

    public Refusal? End(DateOnly? on, int expectedVersion, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (EndedOn is not null)
        {
            return Refusal.Of("EndedOn", "These proceedings have already ended");
        }

        if (on is not { } day || day < StartedOn || day > now.InLondon())
        {
            return Refusal.Of("EndedOn", $"Enter an end date from {StartedOn:d MMMM yyyy} to today");
        }

        EndedOn = day;
        Version++;
        return null;
    }
}
