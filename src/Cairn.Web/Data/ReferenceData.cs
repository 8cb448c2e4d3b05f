using Cairn.Domain;

namespace Cairn.Web.Data;

/// <summary>One row of the ONS Postcode Directory: the postcode's local authority district and grid reference.</summary>
public sealed class PostcodeEntry
{
    /// <summary>Normalised form with one space, e.g. "SW1A 1AA".</summary>
    public string Postcode { get; set; } = "";
    public string LocalAuthorityCode { get; set; } = "";
    public int Easting { get; set; }
    public int Northing { get; set; }
}

/// <summary>A local authority district and the upper-tier authority that runs its children's services.</summary>
public sealed class LocalAuthority
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string UpperTierCode { get; set; } = "";
    public string UpperTierName { get; set; } = "";
}

/// <summary>
/// Search keys for ranked person matching: every name token of a person, folded, and its sound-alike code
/// (see <c>PersonSearchIndex</c>). Added to whenever a person's names change.
/// </summary>
public sealed class PersonSearchKey
{
    public PersonId PersonId { get; set; }
    public string Key { get; set; } = "";
}
