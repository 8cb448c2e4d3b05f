using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Register;

/// <summary>A child living in a setting now, as the setting's page lists them.</summary>
public sealed record SettingResident(PersonId ChildId, string Name, DateOnly Since);

/// <summary>
/// The children living in a setting now: the one place the setting's page asks. The register holds no child's data, so today
/// this answers nothing; placements will answer it from the children placed there, showing only those whose records the viewer
/// may open (see the feature README).
/// </summary>
public static class SettingResidents
{
    public static async Task<IReadOnlyList<SettingResident>> ForAsync(CairnDbContext db, SettingId setting, CurrentUser viewer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var area = viewer.AreaId;
        // Only a setting on the viewer's own register has residents they could be shown.
        if (!await db.PlacementSettings.AsNoTracking().AnyAsync(s => s.Id == setting && s.AreaId == area, cancellationToken))
        {
            return [];
        }

        return [];
    }
}
