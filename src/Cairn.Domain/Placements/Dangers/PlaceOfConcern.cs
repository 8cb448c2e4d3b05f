using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Dangers;

/// <summary>
/// A place that poses a risk to children (L35): a house, a park, a hotel, a takeaway. Either named for one child (it is part of
/// that child's record and seen under the child's need-to-know rules) or area-wide, an exploitation hotspot. Its postcode must be
/// in the postcode directory, so it has a grid reference the matching engine can measure from. Ended, never deleted.
/// </summary>
public sealed class PlaceOfConcern
{
    public const int MaxNameLength = 200;
    public const int MaxRiskLength = 500;

    public static Refusal Stale => Refusal.Conflict("this place of concern");

    private PlaceOfConcern()
    {
        Name = "";
        Postcode = "";
        LocalAuthorityCode = "";
        Risk = "";
    }

    public PlaceOfConcernId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    /// <summary>The child it is named for; null for an area-wide place (a hotspot).</summary>
    public PersonId? ChildId { get; private set; }
    /// <summary>A name or short description ("the flat above the takeaway on X Street").</summary>
    public string Name { get; private set; }
    /// <summary>Normalised, e.g. "YO1 0AJ".</summary>
    public string Postcode { get; private set; }
    public string LocalAuthorityCode { get; private set; }
    public int Easting { get; private set; }
    public int Northing { get; private set; }
    public RiskKind Kind { get; private set; }
    /// <summary>What the risk is: short text, shown to those who may see the place, never logged.</summary>
    public string Risk { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsAreaWide => ChildId is null;

    public PostcodeLocation Location => new(LocalAuthorityCode, Easting, Northing);

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To >= date);

    /// <summary>
    /// Records a place of concern. The postcode must be real and in the postcode directory (<paramref name="location"/>, null when
    /// it was not found); the dates run from a day not in the future to an optional end not before it.
    /// </summary>
    public static Outcome<PlaceOfConcern> Record(AreaId area, PersonId? child, string? name, string? postcode, PostcodeLocation? location,
        RiskKind? kind, string? risk, DateOnly? from, DateOnly? to, ProfessionalId by, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("Name", "Enter a name or short description of the place"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("Name", $"The name must be {MaxNameLength} characters or fewer"));
        }

        if (!Places.Postcode.TryParse(postcode, out var parsed, out var postcodeError))
        {
            errors.Add(new("Postcode", postcodeError));
        }
        else if (location is null)
        {
            errors.Add(new("Postcode", $"{parsed} is not in the postcode directory. Check the postcode; if it is new, ask an administrator "
                                      + "to load the latest directory"));
        }

        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(new("Kind", "Select what the place poses a risk of"));
        }

        if (string.IsNullOrWhiteSpace(risk))
        {
            errors.Add(new("Risk", "Describe the risk in a few words"));
        }
        else if (risk.Trim().Length > MaxRiskLength)
        {
            errors.Add(new("Risk", $"The risk must be {MaxRiskLength} characters or fewer"));
        }

        errors.AddRange(Dates(from, to, today));
        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        return new PlaceOfConcern
        {
            Id = PlaceOfConcernId.New(),
            AreaId = area,
            ChildId = child,
            Name = name!.Trim(),
            Postcode = parsed.ToString(),
            LocalAuthorityCode = location!.LocalAuthorityCode,
            Easting = location.Easting,
            Northing = location.Northing,
            Kind = kind!.Value,
            Risk = risk!.Trim(),
            From = from!.Value,
            To = to,
            RecordedBy = by,
            RecordedAt = now,
            Version = 1,
        };
    }

    /// <summary>Ends the place on a date from its start to today; it stays as history.</summary>
    public Refusal? End(DateOnly? on, int expectedVersion, DateOnly today)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        if (To is { } ended && ended <= today)
        {
            return Refusal.Of("To", "This place of concern has already ended");
        }

        if (on is not { } date)
        {
            return Refusal.Of("To", "Enter the date it stopped being a concern");
        }

        if (date > today || date < From)
        {
            return Refusal.Of("To", "The end date must be from the date it became a concern to today");
        }

        To = date;
        Version++;
        return null;
    }

    private static IEnumerable<FieldError> Dates(DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is not { } f)
        {
            yield return new("From", "Enter the date it became a concern");
        }
        else if (f > today)
        {
            yield return new("From", "The date it became a concern must be today or in the past");
        }
        else if (to is { } t && t < f)
        {
            yield return new("To", "The end date must be the same as or after the date it became a concern");
        }
    }
}
