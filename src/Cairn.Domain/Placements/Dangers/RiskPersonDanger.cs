using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Dangers;

/// <summary>
/// What Cairn knows about where a person recorded as posing a risk to a child (a <c>PersonPosingRisk</c> relationship) poses it
/// (L35): the kind of risk, and a place of its own (where they are known to be) or, by default, wherever they live now by their
/// address history. One per relationship, keyed by it; changed with the version read, never last-write-wins.
/// </summary>
public sealed class RiskPersonDanger
{
    public const int MaxPlaceLength = 200;

    public static Refusal Stale => Refusal.Conflict("this person's risk details");

    private RiskPersonDanger()
    {
    }

    public RelationshipId RelationshipId { get; private set; }
    public PersonId ChildId { get; private set; }
    public PersonId PersonId { get; private set; }
    public RiskKind Kind { get; private set; }
    /// <summary>A place recorded on its own (a description); null when the person's current address is used.</summary>
    public string? PlaceName { get; private set; }
    public string? Postcode { get; private set; }
    public string? LocalAuthorityCode { get; private set; }
    public int? Easting { get; private set; }
    public int? Northing { get; private set; }
    public ProfessionalId RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The place recorded on its own, when there is one.</summary>
    public PostcodeLocation? OwnLocation =>
        LocalAuthorityCode is { } la && Easting is { } e && Northing is { } n ? new PostcodeLocation(la, e, n) : null;

    /// <summary>First details for the relationship; see <see cref="Set"/> for the rules.</summary>
    public static Outcome<RiskPersonDanger> Record(RelationshipId relationship, PersonId child, PersonId person, RiskKind? kind,
        string? placeName, string? postcode, PostcodeLocation? location, ProfessionalId by, DateTimeOffset now)
    {
        var danger = new RiskPersonDanger { RelationshipId = relationship, ChildId = child, PersonId = person, Version = 0 };
        return danger.Set(kind, placeName, postcode, location, 0, by, now) is { } refusal ? refusal : danger;
    }

    /// <summary>
    /// Sets the kind of risk and where: no postcode means their current address is used; a postcode must be real and in the
    /// postcode directory (<paramref name="location"/>), and comes with a short description of the place.
    /// </summary>
    public Refusal? Set(RiskKind? kind, string? placeName, string? postcode, PostcodeLocation? location, int expectedVersion,
        ProfessionalId by, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            return Stale;
        }

        var errors = new List<FieldError>();
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            errors.Add(new("Kind", "Select what this person poses a risk of"));
        }

        Places.Postcode parsed = default;
        var ownPlace = !string.IsNullOrWhiteSpace(postcode);
        if (ownPlace && !Places.Postcode.TryParse(postcode, out parsed, out var postcodeError))
        {
            errors.Add(new("Postcode", postcodeError));
        }
        else if (ownPlace && location is null)
        {
            errors.Add(new("Postcode", $"{parsed} is not in the postcode directory. Check the postcode; if it is new, ask an administrator "
                                      + "to load the latest directory"));
        }

        if (ownPlace && string.IsNullOrWhiteSpace(placeName))
        {
            errors.Add(new("PlaceName", "Describe the place in a few words"));
        }
        else if (!ownPlace && !string.IsNullOrWhiteSpace(placeName))
        {
            errors.Add(new("Postcode", "Enter the place's postcode, or leave both empty to use their current address"));
        }
        else if (placeName?.Trim().Length > MaxPlaceLength)
        {
            errors.Add(new("PlaceName", $"The description must be {MaxPlaceLength} characters or fewer"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        Kind = kind!.Value;
        PlaceName = ownPlace ? placeName!.Trim() : null;
        Postcode = ownPlace ? parsed.ToString() : null;
        LocalAuthorityCode = ownPlace ? location!.LocalAuthorityCode : null;
        Easting = ownPlace ? location!.Easting : null;
        Northing = ownPlace ? location!.Northing : null;
        RecordedBy = by;
        RecordedAt = now;
        Version++;
        return null;
    }
}
