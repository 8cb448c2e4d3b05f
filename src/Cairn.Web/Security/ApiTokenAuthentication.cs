using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cairn.Web.Security;

/// <summary>
/// Authenticates API clients by a bearer token issued on the account page. Tokens are random, shown once,
/// and stored only as a SHA-256 hash; a revoked or expired token, or one whose professional is inactive, is
/// refused. Wrong passwords typed at the sign-in page never affect a token (issue #17, defect 2).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CairnDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "cairn_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a Cairn API token.");
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.Professionals, t => t.ProfessionalId, p => p.Id, (t, p) => new { Token = t, Professional = p })
            .Join(db.Accounts, x => x.Professional.Id, a => a.ProfessionalId, (x, a) => new { x.Token, x.Professional, Account = a })
            .Join(db.Agencies, x => x.Professional.AgencyId, a => a.Id, (x, agency) => new { x.Token, x.Professional, x.Account, agency.AreaId })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsable(now) || !found.Professional.IsActive)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }

        // Shown on the account page so a person can spot a token they no longer use; written at most hourly.
        if (found.Token.LastUsedAt is not { } last || now - last > TimeSpan.FromHours(1))
        {
            await db.ApiTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = CurrentUser.CreateIdentity(found.Professional, found.AreaId, found.Account.SecurityStamp, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
