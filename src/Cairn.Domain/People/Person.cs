using Cairn.Domain.Time;

namespace Cairn.Domain.People;

/// <summary>
/// A child or an adult known to Cairn. Identity details change through <see cref="Amend"/>, which keeps
/// the previous version in <see cref="PersonRevision"/>: nothing recorded is lost (L44).
/// </summary>
public sealed class Person
{
    private readonly List<PersonName> _otherNames = [];

    public const int MaxNotDuplicateReasonLength = 1000;

    private Person()
    {
        GivenName = "";
        FamilyName = "";
    }

    public PersonId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public PersonKind Kind { get; private set; }
    public string GivenName { get; private set; }
    public string FamilyName { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    /// <summary>For an unborn child: the expected date of delivery.</summary>
    public DateOnly? ExpectedDateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    public string? EthnicityCode { get; private set; }
    public string? NhsNumber { get; private set; }
    public string? Upn { get; private set; }
    public string? FirstLanguage { get; private set; }
    public bool InterpreterNeeded { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public ProfessionalId CreatedBy { get; private set; }
    /// <summary>Optimistic concurrency: an edit based on an older version is refused, never last-write-wins.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<PersonName> OtherNames => _otherNames;

    /// <summary>
    /// Why the creator made this record although the duplicate check found likely matches: kept with the record, so
    /// whoever later finds the two can see what was decided and why.
    /// </summary>
    public string? NotDuplicateReason { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";
    public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;

    public static Outcome<Person> Create(PersonDetails details, AreaId area, ProfessionalId by, DateTimeOffset now)
    {
        var refusal = details.Validate(now.InLondon());
        if (refusal is not null)
        {
            return refusal;
        }

        var person = new Person
        {
            Id = PersonId.New(),
            AreaId = area,
            CreatedAt = now,
            CreatedBy = by,
            Version = 1,
        };
        person.Apply(details);
        return Outcome<Person>.Success(person);
    }

    /// <summary>Changes identity details, keeping what they were as a revision with the reason given.</summary>
    public Outcome<PersonRevision> Amend(PersonDetails details, int expectedVersion, string reason, ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Refusal.Conflict("this record");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("Reason", "Enter the reason for the change");
        }

        var refusal = details.Validate(now.InLondon());
        if (refusal is not null)
        {
            return refusal;
        }

        var revision = new PersonRevision(Id, Version, Snapshot(), reason.Trim(), by, now);
        if (!string.Equals(details.GivenName.Trim(), GivenName, StringComparison.Ordinal)
            || !string.Equals(details.FamilyName.Trim(), FamilyName, StringComparison.Ordinal))
        {
            // A changed name is kept as a previous name so searches by the old name still find the child.
            _otherNames.Add(new PersonName(GivenName, FamilyName, NameKind.Previous, now.InLondon()));
        }

        Apply(details);
        Version++;
        return Outcome<PersonRevision>.Success(revision);
    }

    /// <summary>The creator's reason for making this record despite likely matches; a reason must be given.</summary>
    public Refusal? RecordNotADuplicate(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Of("NotDuplicateReason", "Enter why this is a different person from the possible matches");
        }

        if (reason.Trim().Length > MaxNotDuplicateReasonLength)
        {
            return Refusal.Of("NotDuplicateReason", $"Enter the reason in {MaxNotDuplicateReasonLength} characters or fewer");
        }

        NotDuplicateReason = reason.Trim();
        return null;
    }

    public Refusal? AddOtherName(string givenName, string familyName, NameKind kind, DateOnly? until)
    {
        if (string.IsNullOrWhiteSpace(givenName) && string.IsNullOrWhiteSpace(familyName))
        {
            return Refusal.Of("OtherGivenName", "Enter the other name");
        }

        _otherNames.Add(new PersonName(givenName.Trim(), familyName.Trim(), kind, until));
        Version++;
        return null;
    }

    /// <summary>Age in whole years on a date; null for an unborn child or an unknown date of birth.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob)
        {
            return null;
        }

        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age))
        {
            age--;
        }

        return age;
    }

    public PersonDetails Snapshot() => new(Kind, GivenName, FamilyName, DateOfBirth, ExpectedDateOfBirth, Sex,
        EthnicityCode, NhsNumber, Upn, FirstLanguage, InterpreterNeeded);

    private void Apply(PersonDetails details)
    {
        Kind = details.Kind;
        GivenName = details.GivenName.Trim();
        FamilyName = details.FamilyName.Trim();
        DateOfBirth = details.DateOfBirth;
        ExpectedDateOfBirth = details.DateOfBirth is null ? details.ExpectedDateOfBirth : null;
        Sex = details.Sex;
        EthnicityCode = string.IsNullOrWhiteSpace(details.EthnicityCode) ? null : details.EthnicityCode;
        NhsNumber = string.IsNullOrWhiteSpace(details.NhsNumber) ? null : People.NhsNumber.Parse(details.NhsNumber).Value;
        Upn = string.IsNullOrWhiteSpace(details.Upn) ? null : People.Upn.Parse(details.Upn).Value;
        FirstLanguage = string.IsNullOrWhiteSpace(details.FirstLanguage) ? null : details.FirstLanguage.Trim();
        InterpreterNeeded = details.InterpreterNeeded;
    }
}

/// <summary>A previous name or alias. Searches match these as well as the current name.</summary>
public sealed record PersonName(string GivenName, string FamilyName, NameKind Kind, DateOnly? Until);

/// <summary>The identity details of a person as entered; validated before anything is saved.</summary>
public sealed record PersonDetails(
    PersonKind Kind,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    Sex Sex,
    string? EthnicityCode,
    string? NhsNumber,
    string? Upn,
    string? FirstLanguage,
    bool InterpreterNeeded)
{
    public const int MaxNameLength = 100;

    public Refusal? Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(GivenName) && DateOfBirth is not null)
        {
            errors.Add(new("GivenName", "Enter the person's given name"));
        }

        if (string.IsNullOrWhiteSpace(FamilyName))
        {
            errors.Add(new("FamilyName", "Enter the person's family name"));
        }

        if (GivenName.Length > MaxNameLength || FamilyName.Length > MaxNameLength)
        {
            errors.Add(new("FamilyName", $"Names must be {MaxNameLength} characters or fewer"));
        }

        if (DateOfBirth is null && ExpectedDateOfBirth is null)
        {
            if (Kind == PersonKind.Child)
            {
                errors.Add(new("DateOfBirth", "Enter the child's date of birth, or the expected date of birth for an unborn child"));
            }
        }
        else if (DateOfBirth is { } dob)
        {
            if (dob > today)
            {
                errors.Add(new("DateOfBirth",
                    "Date of birth must be today or in the past. For an unborn child, enter the expected date of birth instead"));
            }
            else if (dob < today.AddYears(-120))
            {
                errors.Add(new("DateOfBirth", "Enter a real date of birth"));
            }
        }
        else if (ExpectedDateOfBirth is { } due && (due < today.AddMonths(-1) || due > today.AddMonths(10)))
        {
            errors.Add(new("ExpectedDateOfBirth",
                "Expected date of birth must be within the next 10 months. If the child has been born, enter their date of birth"));
        }

        if (Kind == PersonKind.Child && DateOfBirth is { } childDob && childDob < today.AddYears(-25))
        {
            errors.Add(new("DateOfBirth", "A child's record is for people under 25 (care leavers up to 25). Record an older person as an adult"));
        }

        if (!string.IsNullOrWhiteSpace(EthnicityCode) && !Ethnicity.IsValid(EthnicityCode))
        {
            errors.Add(new("EthnicityCode", "Select the person's ethnicity from the list"));
        }

        if (!string.IsNullOrWhiteSpace(NhsNumber) && !People.NhsNumber.TryParse(NhsNumber, out _, out var nhsError))
        {
            errors.Add(new("NhsNumber", nhsError ?? "Enter a valid NHS number"));
        }

        if (!string.IsNullOrWhiteSpace(Upn) && !People.Upn.TryParse(Upn, out _, out var upnError))
        {
            errors.Add(new("Upn", upnError ?? "Enter a valid UPN"));
        }

        return Refusal.FromErrors(errors);
    }
}

/// <summary>What a person's identity details were before an amendment, with who changed them and why.</summary>
public sealed record PersonRevision(
    PersonId PersonId, int Version, PersonDetails Before, string Reason, ProfessionalId ChangedBy, DateTimeOffset ChangedAt)
{
    // For EF Core: the complex "Before" cannot be bound through the positional constructor.
    private PersonRevision()
        : this(default, 0, null!, "", default, default)
    {
    }

    public long Id { get; init; }
}
