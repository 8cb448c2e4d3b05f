using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <param name="IsDefault">Nothing has been saved for the area: these are the defaults.</param>
public sealed record FrontDoorTimescalesView(
    int StrategyDiscussionWorkingDays,
    int TriageDecisionWorkingDays,
    bool IsDefault,
    DateTimeOffset? UpdatedAt,
    int Version);

/// <summary>
/// The area's front door timescales: as people read and change them, and as a sign-off that requires a strategy
/// discussion reads them.
/// </summary>
public static class FrontDoorTimescales
{
    public static async Task<FrontDoorTimescalesView> FrontDoorTimescalesOfAsync(this CairnDbContext db, AreaId area,
        CancellationToken cancellationToken)
    {
        var row = await db.FrontDoorTimescales.AsNoTracking().SingleOrDefaultAsync(t => t.AreaId == area, cancellationToken);
        return row is null
            ? new FrontDoorTimescalesView(StrategyDiscussion.DefaultDueWorkingDays, Contact.DecisionWorkingDays, true, null, 0)
            : new FrontDoorTimescalesView(row.StrategyDiscussionWorkingDays, Contact.DecisionWorkingDays, false, row.UpdatedAt, row.Version);
    }

    /// <summary>
    /// The working days within which a strategy discussion must be held in this area. A stored value out of range
    /// (written around Cairn) falls back to the default rather than failing the sign-off that needs it.
    /// </summary>
    public static async Task<int> StrategyDiscussionWorkingDaysAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        var days = await db.FrontDoorTimescales.AsNoTracking()
            .Where(t => t.AreaId == area)
            .Select(t => (int?)t.StrategyDiscussionWorkingDays)
            .SingleOrDefaultAsync(cancellationToken);
        return days is { } set && StrategyDiscussion.CheckDueWorkingDays(set) is null ? set : StrategyDiscussion.DefaultDueWorkingDays;
    }
}
