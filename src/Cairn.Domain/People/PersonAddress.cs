using Cairn.Domain.Places;

namespace Cairn.Domain.People;

/// <summary>
/// Where a person lived, from when to when. Addresses are never overwritten: a move closes the old
/// address and opens a new one, so the history survives (L44).
/// </summary>
public sealed class PersonAddress
{
    public const int MaxLineLength = 200;

    private PersonAddress()
    {
        Line1 = "";
        Postcode = "";
    }

    public AddressId Id { get; private set; }
    public PersonId PersonId { get; private set; }
    public string Line1 { get; private set; }
    public string? Line2 { get; private set; }
    public string? Town { get; private set; }
    /// <summary>Normalised, e.g. "SW1A 1AA".</summary>
    public string Postcode { get; private set; }
    /// <summary>Local authority district (GSS code) the postcode resolved to, when it was found.</summary>
    public string? LocalAuthorityCode { get; private set; }
    public int? Easting { get; private set; }
    public int? Northing { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    /// <summary>Optimistic concurrency: closing the address moves it on.</summary>
    public int Version { get; private set; }

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To >= date);

    public static Outcome<PersonAddress> Record(PersonId person, string line1, string? line2, string? town, string postcode,
        DateOnly from, PostcodeLocation? location)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(line1))
        {
            errors.Add(new("Line1", "Enter the first line of the address"));
        }

        foreach (var (field, text) in new[] { ("Line1", line1), ("Line2", line2), ("Town", town) })
        {
            if (text?.Trim().Length > MaxLineLength)
            {
                errors.Add(new(field, $"Each line of the address must be {MaxLineLength} characters or fewer"));
            }
        }

        if (!Places.Postcode.TryParse(postcode, out var parsed, out var postcodeError))
        {
            errors.Add(new("Postcode", postcodeError ?? "Enter a real postcode, like SW1A 1AA"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return Outcome<PersonAddress>.Success(new PersonAddress
        {
            Id = AddressId.New(),
            PersonId = person,
            Line1 = line1.Trim(),
            Line2 = string.IsNullOrWhiteSpace(line2) ? null : line2.Trim(),
            Town = string.IsNullOrWhiteSpace(town) ? null : town.Trim(),
            Postcode = parsed.ToString(),
            LocalAuthorityCode = location?.LocalAuthorityCode,
            Easting = location?.Easting,
            Northing = location?.Northing,
            From = from,
            Version = 1,
        });
    }

    public Refusal? Close(DateOnly to)
    {
        if (To is not null)
        {
            return Refusal.Of("To", "This address has already been closed");
        }

        if (to < From)
        {
            return Refusal.Of("To", "The date they left must be the same as or after the date they moved in");
        }

        To = to;
        Version++;
        return null;
    }
}
