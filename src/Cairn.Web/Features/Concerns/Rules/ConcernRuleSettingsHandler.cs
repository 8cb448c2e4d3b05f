using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.Rules;

/// <param name="IsDefault">No settings have been saved for the area: these are the documented defaults.</param>
public sealed record ConcernRulesView(ConcernRuleSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, int Version);

/// <summary>
/// The area's concern rule settings. Safeguarding leads and administrators read and change them; a change is
/// validated as a whole (<see cref="ConcernRuleSettings.Validate"/>) and audited. The next evaluation uses it.
/// </summary>
public sealed class ConcernRuleSettingsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ConcernReferenceData cache)
{
    private static Refusal Stale => Refusal.Conflict("the rules");

    public bool MayEdit => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    public async Task<ConcernRulesView> ViewAsync(CancellationToken cancellationToken)
    {
        var row = await db.ConcernRuleSettings.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        return row is null
            ? new ConcernRulesView(ConcernRuleSettings.Default, true, null, 0)
            : new ConcernRulesView(row.Settings, false, row.UpdatedAt, row.Version);
    }

    /// <param name="expectedVersion">The version read (0 for the defaults); null skips the check.</param>
    public async Task<Outcome<ConcernRulesView>> SaveAsync(ConcernRuleSettings? settings, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (settings is null)
        {
            return Refusal.Of("Settings", "Send the settings for every rule");
        }

        if (settings.Validate() is { } refusal)
        {
            return refusal;
        }

        var row = await db.ConcernRuleSettings.SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        if (expectedVersion is { } expected && expected != (row?.Version ?? 0))
        {
            return Stale;
        }

        if (row is null)
        {
            row = new AreaConcernRules { AreaId = user.AreaId };
            db.ConcernRuleSettings.Add(row);
        }

        row.Settings = settings;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        audit.Record("concern-rules.change", null, "concern-rules", user.AreaId.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }

        cache.Invalidate(user.AreaId);
        return Outcome<ConcernRulesView>.Success(await ViewAsync(cancellationToken));
    }
}
