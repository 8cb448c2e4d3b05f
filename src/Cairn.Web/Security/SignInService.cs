using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Security;

public enum SignInResult
{
    SignedIn,
    WrongDetails,
    LockedOut,
}

/// <summary>
/// Checks a local account's password. Five failures in a row lock the account for 15 minutes. The same
/// message is shown for an unknown email address and a wrong password, so sign-in reveals no accounts.
/// </summary>
public sealed class SignInService(CairnDbContext db, IPasswordHasher<Account> hasher, TimeProvider clock, AuditLog audit)
{
    // Verifying against a fixed hash when the account does not exist keeps the timing the same.
    private static readonly string DummyHash = new PasswordHasher<Account>().HashPassword(new Account(), "not-a-real-password");

    public async Task<(SignInResult Result, Account? Account)> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        var userName = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        var active = account is not null && await db.Professionals.AnyAsync(p => p.Id == account.ProfessionalId && p.IsActive, cancellationToken);
        if (account is null || !active)
        {
            hasher.VerifyHashedPassword(new Account(), DummyHash, password);
            audit.Record("signin", null, outcome: "failed", detail: "unknown-or-inactive");
            await db.SaveChangesAsync(cancellationToken);
            return (SignInResult.WrongDetails, null);
        }

        if (account.IsLockedOut(now))
        {
            audit.Record("signin", null, "account", account.ProfessionalId.Value, "refused", "locked-out");
            await db.SaveChangesAsync(cancellationToken);
            return (SignInResult.LockedOut, null);
        }

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            account.RecordFailedSignIn(now);
            account.Version++;
            audit.Record("signin", null, "account", account.ProfessionalId.Value, "failed",
                account.IsLockedOut(now) ? "locked-out-now" : "wrong-password");
            await db.SaveChangesAsync(cancellationToken);
            return (account.IsLockedOut(now) ? SignInResult.LockedOut : SignInResult.WrongDetails, null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.RecordSuccessfulSignIn();
        account.Version++;
        audit.Record("signin", null, "account", account.ProfessionalId.Value, "succeeded");
        await db.SaveChangesAsync(cancellationToken);
        return (SignInResult.SignedIn, account);
    }
}
