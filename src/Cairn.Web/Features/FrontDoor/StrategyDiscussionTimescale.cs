using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>The area's timescale for holding a strategy discussion, as a sign-off that requires one reads it.</summary>
public static class StrategyDiscussionTimescale
{
    /// <summary>
    /// The working days within which a strategy discussion must be held in this area. A stored value out of range
    /// (written around Cairn) falls back to the default rather than failing the sign-off that needs it.
    /// </summary>
    public static async Task<int> WorkingDaysAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        var days = await db.FrontDoorTimescales.AsNoTracking()
            .Where(t => t.AreaId == area)
            .Select(t => (int?)t.StrategyDiscussionWorkingDays)
            .SingleOrDefaultAsync(cancellationToken);
        return days is { } set && StrategyDiscussion.CheckDueWorkingDays(set) is null ? set : StrategyDiscussion.DefaultDueWorkingDays;
    }
}
