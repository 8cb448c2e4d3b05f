using Cairn.Domain;

namespace Cairn.Web.Security;

/// <summary>
/// A local sign-in account. Each belongs to one professional; roles live on the professional.
/// Passwords are hashed with ASP.NET Core's PasswordHasher (PBKDF2-HMAC-SHA512, salted, iterated).
/// </summary>
public sealed class Account
{
    public ProfessionalId ProfessionalId { get; set; }
    /// <summary>Lower-case email address used to sign in.</summary>
    public string UserName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Wrong passwords since the last right one.</summary>
    public int FailedSignIns { get; set; }
    /// <summary>
    /// Until when a password sign-in to this account is not even tried (issue #17, defect 2): a growing delay after
    /// repeated wrong passwords, never a lock. The account's page sessions and API tokens carry on regardless.
    /// </summary>
    public DateTimeOffset? SignInWaitUntil { get; set; }
    /// <summary>
    /// Changes when an administrator deactivates the account or signs it out everywhere; every page session carries
    /// the stamp it was signed in with and ends at its next request once the stamp differs (SessionValidation).
    /// </summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();
    public int Version { get; set; } = 1;

    /// <summary>How long a password sign-in must still wait at <paramref name="now"/>, or null when it may be tried.</summary>
    public TimeSpan? WaitLeft(DateTimeOffset now) => SignInWaitUntil is { } until && until > now ? until - now : null;

    /// <summary>Counts a wrong password; from the throttle's threshold on, each one makes the next attempt wait longer.</summary>
    public void RecordFailedSignIn(DateTimeOffset now, SignInThrottleOptions throttle)
    {
        FailedSignIns++;
        if (throttle.DelayAfter(FailedSignIns) is { } delay)
        {
            SignInWaitUntil = now + delay;
        }
    }

    public void RecordSuccessfulSignIn() => ClearFailedSignIns();

    /// <summary>Failed sign-ins to clear, or a delay still running: something an administrator may clear.</summary>
    public bool NeedsUnlocking(DateTimeOffset now) => WaitLeft(now) is not null || FailedSignIns > 0;

    /// <summary>Clears the delay and the count of failed sign-ins, so the professional can sign in at once.</summary>
    public void Unlock() => ClearFailedSignIns();

    private void ClearFailedSignIns()
    {
        FailedSignIns = 0;
        SignInWaitUntil = null;
    }

    /// <summary>Ends every page session signed in with the old stamp, at its next request.</summary>
    public void ChangeSecurityStamp() => SecurityStamp = Guid.NewGuid();
}

public enum AccountAction
{
    Deactivate = 1,
    Reactivate = 2,
    Unlock = 3,
    SignOutEverywhere = 4,
}

/// <summary>
/// One change an administrator made to a professional's account, with the reason they gave. Added, never edited:
/// the account page shows the history. The audit log records the same change by ids only, without the reason.
/// </summary>
public sealed class AccountChange
{
    public long Id { get; set; }
    public ProfessionalId ProfessionalId { get; set; }
    public AccountAction Action { get; set; }
    public ProfessionalId ChangedBy { get; set; }
    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>An API token issued on the account page. Only its SHA-256 hash is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public ProfessionalId ProfessionalId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>First characters of the token, so a person can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
