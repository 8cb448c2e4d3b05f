using Cairn.Domain.Places;

namespace Cairn.Domain.Placements.Dangers;

/// <summary>Whether a danger is a person posing a risk or a place of concern.</summary>
public enum DangerSource
{
    Person = 1,
    Place = 2,
}

/// <summary>Where a danger's location came from.</summary>
public enum DangerLocationSource
{
    /// <summary>No location: it could not be checked against a placement.</summary>
    None = 0,
    /// <summary>The person's current address, from their address history.</summary>
    CurrentAddress = 1,
    /// <summary>A place recorded on its own.</summary>
    RecordedPlace = 2,
}

/// <summary>
/// One danger to a child with what the matching engine needs (L35): a label safe for whoever may open the child's record, a person
/// or a place, its location (null when it has none), the postcode it came from, and the kind of risk (null when not yet recorded
/// for a person).
/// </summary>
public sealed record ChildDanger(DangerSource Source, Guid Id, string Label, PostcodeLocation? Location, string? Postcode,
    DangerLocationSource LocatedBy, RiskKind? Kind);

/// <summary>A child's dangers: those with a location to check, and those without (the caller warns about them).</summary>
public sealed record ChildDangers(IReadOnlyList<ChildDanger> Located, IReadOnlyList<ChildDanger> Unlocated);

/// <summary>The rules that decide which dangers concern a child and where they are (L35).</summary>
public static class DangerRules
{
    /// <summary>
    /// Where a person posing a risk poses it: a place recorded on its own wins; otherwise their current address, when its
    /// postcode resolved to a grid reference; otherwise nowhere known.
    /// </summary>
    public static (PostcodeLocation? Location, string? Postcode, DangerLocationSource Source) LocatePerson(RiskPersonDanger? details,
        string? currentPostcode, PostcodeLocation? currentAddress)
    {
        if (details?.OwnLocation is { } own)
        {
            return (own, details.Postcode, DangerLocationSource.RecordedPlace);
        }

        return currentAddress is not null
            ? (currentAddress, currentPostcode, DangerLocationSource.CurrentAddress)
            : (null, null, DangerLocationSource.None);
    }

    /// <summary>
    /// Whether a place of concern concerns a child on a day: a current place named for this child always does, one named for
    /// another child never does, and an area-wide one in the child's area does when its kind of risk endangers one of the child's
    /// vulnerabilities (<see cref="Compatibility.PlaceMatters"/>).
    /// </summary>
    public static bool Concerns(PlaceOfConcern place, PersonId child, AreaId childArea, IEnumerable<Vulnerability> vulnerabilities,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (!place.IsCurrentOn(today))
        {
            return false;
        }

        return place.ChildId is { } named
            ? named == child
            : place.AreaId == childArea && Compatibility.PlaceMatters(place.Kind, vulnerabilities);
    }

    /// <summary>Splits dangers into those with a location and those without, each in a stable order (people first, then by label).</summary>
    public static ChildDangers Split(IEnumerable<ChildDanger> dangers)
    {
        var ordered = dangers.OrderBy(d => d.Source).ThenBy(d => d.Label, StringComparer.Ordinal).ThenBy(d => d.Id).ToList();
        return new ChildDangers(ordered.Where(d => d.Location is not null).ToList(), ordered.Where(d => d.Location is null).ToList());
    }
}
