using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Account.RevokeApiToken;

/// <summary>Revokes one of the signed-in professional's own API tokens; revoking one already revoked changes nothing.</summary>
public sealed class RevokeApiTokenHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the token does not exist or is not the signed-in professional's.</returns>
    public async Task<Handled<Guid>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.ProfessionalId == me, cancellationToken);
        if (token is null)
        {
            return Handled.NotFound;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record("api-token.revoke", null, "api-token", token.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return token.Id;
    }
}
