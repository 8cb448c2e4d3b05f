using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns;

/// <param name="IsDefault">No settings have been saved for the area: these are the documented defaults.</param>
public sealed record ConcernRulesView(ConcernRuleSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, int Version);

/// <summary>The area's concern rule settings as safeguarding leads and administrators read and change them.</summary>
public static class ConcernRules
{
    /// <summary>Safeguarding leads and administrators read and change the area's concern rules.</summary>
    public static bool MayEditConcernRules(this CurrentUser user) => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    public static async Task<ConcernRulesView> ConcernRulesOfAsync(this CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        var row = await db.ConcernRuleSettings.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == area, cancellationToken);
        return row is null
            ? new ConcernRulesView(ConcernRuleSettings.Default, true, null, 0)
            : new ConcernRulesView(row.Settings, false, row.UpdatedAt, row.Version);
    }
}
