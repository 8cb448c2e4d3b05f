using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Account.IssueApiToken;

/// <summary>A token as issued: the secret is in <see cref="Token"/> and is never shown or stored again.</summary>
public sealed record IssuedToken(Guid Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues a personal API token to the signed-in professional, named and with a lifetime, at most
/// <see cref="MaxActiveTokens"/> in use at once. Only its SHA-256 hash is stored; the secret is shown once.
/// </summary>
public sealed class IssueApiTokenHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public static readonly int[] LifetimesInDays = [7, 30, 90, 365];
    public const int MaxActiveTokens = 10;

    public async Task<Handled<IssuedToken>> HandleAsync(string? name, int? days, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
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

        if (Refusal.FromErrors(errors) is { } refusal)
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
        return new IssuedToken(token.Id, token.Name, secret, token.ExpiresAt);
    }
}
