using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Security;

public enum SignInResult
{
    SignedIn,
    WrongDetails,
    /// <summary>Too many wrong passwords lately: this attempt was not tried; try again after the wait.</summary>
    MustWait,
}

/// <summary>
/// Checks a local account's password. Repeated wrong passwords make the next attempt wait, longer each time up to a
/// ceiling (<see cref="SignInThrottleOptions"/>); nothing locks an account, so nobody can keep a person out by typing
/// wrong passwords for them, and their API tokens and open sessions carry on. The same message is shown for an unknown
/// email address and a wrong password, so sign-in reveals no accounts.
/// </summary>
public sealed class SignInService(CairnDbContext db, IPasswordHasher<Account> hasher, TimeProvider clock, AuditLog audit,
    Microsoft.Extensions.Options.IOptions<SignInThrottleOptions> throttle)
{
    // Verifying against a fixed hash when the account does not exist keeps the timing the same.
    private static readonly string DummyHash = new PasswordHasher<Account>().HashPassword(new Account(), "not-a-real-password");

    public async Task<(SignInResult Result, Account? Account, TimeSpan Wait)> CheckAsync(string email, string password,
        CancellationToken cancellationToken)
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
            return (SignInResult.WrongDetails, null, TimeSpan.Zero);
        }

        // Not even tried while the wait runs: guessing gets no faster by sending more.
        if (account.WaitLeft(now) is { } wait)
        {
            audit.Record("signin", null, "account", account.ProfessionalId.Value, "refused", "must-wait");
            await db.SaveChangesAsync(cancellationToken);
            return (SignInResult.MustWait, null, wait);
        }

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            account.RecordFailedSignIn(now, throttle.Value);
            account.Version++;
            audit.Record("signin", null, "account", account.ProfessionalId.Value, "failed",
                account.WaitLeft(now) is null ? "wrong-password" : "wrong-password;wait");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another attempt on the same account saved first and was counted: this one is refused all the same.
                db.ChangeTracker.Clear();
                audit.Record("signin", null, "account", account.ProfessionalId.Value, "failed", "wrong-password;concurrent");
                await db.SaveChangesAsync(cancellationToken);
            }

            return (SignInResult.WrongDetails, null, TimeSpan.Zero);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.RecordSuccessfulSignIn();
        account.Version++;
        audit.Record("signin", null, "account", account.ProfessionalId.Value, "succeeded");
        await db.SaveChangesAsync(cancellationToken);
        return (SignInResult.SignedIn, account, TimeSpan.Zero);
    }
}
