using Cairn.Domain;
using Cairn.Domain.Concerns;

namespace Cairn.Web.Data;

/// <summary>
/// One area's concern rule settings, stored as one JSON document per area: the settings are read and written
/// whole, validated by <see cref="ConcernRuleSettings.Validate"/> before saving. No row means the defaults.
/// </summary>
public sealed class AreaConcernRules
{
    public AreaId AreaId { get; set; }
    public ConcernRuleSettings Settings { get; set; } = ConcernRuleSettings.Default;
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Two administrators saving at once: the second is refused rather than silently overwriting the first.</summary>
    public int Version { get; set; }
}
