namespace Cairn.Domain.Places;

/// <summary>Where a postcode is: its local authority district and OS grid reference (ONS Postcode Directory).</summary>
public sealed record PostcodeLocation(string LocalAuthorityCode, int Easting, int Northing)
{
    /// <summary>Straight-line distance in metres between grid points; good to a few metres at these scales.</summary>
    public double MetresTo(PostcodeLocation other)
    {
        var dx = (double)(Easting - other.Easting);
        var dy = (double)(Northing - other.Northing);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
