using Cairn.Domain;

namespace Cairn.Web.Security;

/// <summary>
/// A local sign-in account. Each belongs to one professional; roles live on the professional.
/// Passwords are hashed with ASP.NET Core's PasswordHasher (PBKDF2-HMAC-SHA512, salted, iterated).
/// </summary>
public sealed class Account
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public ProfessionalId ProfessionalId { get; set; }
    /// <summary>Lower-case email address used to sign in.</summary>
    public string UserName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    /// <summary>
    /// Changes when an administrator deactivates the account or signs it out everywhere; every page session carries
    /// the stamp it was signed in with and ends at its next request once the stamp differs (SessionValidation).
    /// </summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();
    public int Version { get; set; } = 1;

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>Failed sign-ins to clear, or a lockout still running: something for an administrator to unlock.</summary>
    public bool NeedsUnlocking(DateTimeOffset now) => IsLockedOut(now) || FailedSignIns > 0;

    /// <summary>Clears the lockout and the count of failed sign-ins, so the professional can sign in at once.</summary>
    public void Unlock()
    {
        FailedSignIns = 0;
        LockedUntil = null;
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
