using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Account.YourAccount;

public sealed record TokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Usable);

public sealed record AccountView(string Name, string JobTitle, string Email, string Agency, Role Roles, IReadOnlyList<TokenView> Tokens);

/// <summary>
/// The signed-in professional's own account: who Cairn thinks they are, and their personal API tokens.
/// A token acts as its owner, with the same need-to-know reach; only its SHA-256 hash is stored. Issuing and
/// revoking a token are their own slices, offered only on this page (a token cannot mint or revoke tokens).
/// </summary>
public sealed class YourAccountHandler(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<AccountView> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var now = clock.GetUtcNow();
        var professional = await db.Professionals.AsNoTracking().Where(p => p.Id == me)
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Name, p.JobTitle, p.Email, Agency = a.Name, p.Roles })
            .SingleAsync(cancellationToken);
        var tokens = (await db.ApiTokens.AsNoTracking().Where(t => t.ProfessionalId == me).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.IsUsable(now)))
            .ToList();
        return new AccountView(professional.Name, professional.JobTitle, professional.Email, professional.Agency, professional.Roles,
            tokens);
    }
}
