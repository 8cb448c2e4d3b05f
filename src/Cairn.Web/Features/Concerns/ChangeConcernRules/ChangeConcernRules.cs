using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Web.Auditing;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Concerns.ChangeConcernRules;

/// <summary>
/// Changes the area's concern rule settings. Safeguarding leads and administrators only; a change is validated as a
/// whole (<see cref="ConcernRuleSettings.Validate"/>) and audited. The next evaluation uses it.
/// </summary>
public sealed class ChangeConcernRulesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock, ConcernReferenceData cache)
{
    private static Refusal Stale => Refusal.Conflict("the rules");

    private static Refusal NotYours => Refusal.NotAllowed("Settings", "Only a safeguarding lead or an administrator can change the concern rules");

    /// <summary>The API's change: every rule and the version read, or a 400 that changes nothing.</summary>
    public async Task<Handled<ConcernRulesView>> ChangeAsync(ChangeConcernRulesCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayEditConcernRules())
        {
            return NotYours;
        }

        return command.Missing() is { } missing ? missing : await ChangeAsync(command.ToSettings(), command.Version!.Value, cancellationToken);
    }

    /// <param name="expectedVersion">The version read (0 for the defaults).</param>
    public async Task<Handled<ConcernRulesView>> ChangeAsync(ConcernRuleSettings? settings, int expectedVersion,
        CancellationToken cancellationToken)
    {
        if (!user.MayEditConcernRules())
        {
            return NotYours;
        }

        if (settings is null)
        {
            return Refusal.Of("Settings", "Send the settings for every rule");
        }

        if (settings.Validate() is { } refusal)
        {
            return refusal;
        }

        var row = await db.ConcernRuleSettings.SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        if (expectedVersion != (row?.Version ?? 0))
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
            // Saved meanwhile: the version.
            if (await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException)
        {
            // A first save for the area at the same moment: the key.
            db.ChangeTracker.Clear();
            return Stale;
        }

        cache.Invalidate(user.AreaId);
        return await db.ConcernRulesOfAsync(user.AreaId, cancellationToken);
    }
}
