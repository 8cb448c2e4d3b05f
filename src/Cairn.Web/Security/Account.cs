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
    /// <summary>Changes when the password changes, so other sessions and tokens can be invalidated.</summary>
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
