using Cairn.Domain;
using Cairn.Domain.FrontDoor;

namespace Cairn.Web.Data;

/// <summary>
/// The front door timescales an area's own procedures set (L17). Working Together fixes the triage decision at one
/// working day (T01) for everyone; for holding a strategy discussion it says only "as soon as possible" (T03), and
/// local procedures range from 24 hours to 3 days, so each area sets its own. No row means the defaults.
/// </summary>
public sealed class AreaFrontDoorTimescales
{
    public AreaId AreaId { get; set; }
    public int StrategyDiscussionWorkingDays { get; set; } = StrategyDiscussion.DefaultDueWorkingDays;
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Two people saving at once: the second is refused rather than silently overwriting the first.</summary>
    public int Version { get; set; }
}
