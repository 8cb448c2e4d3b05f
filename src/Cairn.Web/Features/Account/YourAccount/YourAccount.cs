using Cairn.Domain.Agencies;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Account.YourAccount;

public sealed record TokenView(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt, bool Usable);

public sealed record AccountView(string Name, string JobTitle, string Email, string Agency, Role Roles, IReadOnlyList<TokenView> Tokens);

/// <summary>A token as issued: the secret is in <see cref="Token"/> and is never shown or stored again.</summary>
public sealed record IssuedToken(Guid Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// The signed-in professional's own account: who Cairn thinks they are, and their personal API tokens.
/// A token acts as its owner, with the same need-to-know reach; only its SHA-256 hash is stored.
/// </summary>
public sealed class YourAccountHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public static readonly int[] LifetimesInDays = [7, 30, 90, 365];
    public const int MaxActiveTokens = 10;

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
        return new AccountView(professional.Name, professional.JobTitle, professional.Email, professional.Agency, professional.Roles, tokens);
    }

    public async Task<Domain.Outcome<IssuedToken>> IssueAsync(string? name, int? days, CancellationToken cancellationToken)
    {
        var errors = new List<Domain.FieldError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new("Name", "Enter a name for the token, for example the tool that will use it"));
        }
        else if (name.Length > 100)
        {
            errors.Add(new("Name", "The name must be 100 characters or fewer"));
        }

        if (days is not { } lifetime || !LifetimesInDays.Contains(lifetime))
        {
            errors.Add(new("Days", "Select how long the token lasts"));
        }

        var me = user.ProfessionalId;
        var now = clock.GetUtcNow();
        var active = await db.ApiTokens.Where(t => t.ProfessionalId == me && t.RevokedAt == null).ToListAsync(cancellationToken);
        if (active.Count(t => t.IsUsable(now)) >= MaxActiveTokens)
        {
            errors.Add(new("Name", $"You already have {MaxActiveTokens} tokens in use. Revoke one you no longer need first."));
        }

        if (Domain.Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var secret = ApiTokenAuthenticationHandler.NewToken();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            ProfessionalId = me,
            Name = name!,
            Prefix = secret[..10],
            Hash = ApiTokenAuthenticationHandler.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days!.Value),
        };
        db.ApiTokens.Add(token);
        audit.Record("api-token.issue", null, "api-token", token.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Domain.Outcome<IssuedToken>.Success(new IssuedToken(token.Id, token.Name, secret, token.ExpiresAt));
    }

    /// <returns>False when the token does not exist or is not the signed-in professional's.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.ProfessionalId == me, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record("api-token.revoke", null, "api-token", token.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
