using System.Globalization;
using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cairn.Web.Security;

/// <summary>Why a page session ended. Stored as a number: never renumber.</summary>
public enum SessionEnd
{
    SignedOut = 1,
    Idle = 2,
    Expired = 3,
    EndedByOwner = 4,
    SignedOutEverywhere = 5,
    Deactivated = 6,
    PasswordChanged = 7,
}

/// <summary>
/// One page session, from sign-in until it ends (issue #17, defect 1). The cookie names the session; every request checks
/// it here, so signing out, an administrator's action, the idle timeout or the absolute lifetime ends it on the server and
/// a copy of the cookie kept elsewhere opens nothing. No address is stored, only a short summary of the browser.
/// </summary>
public sealed class SignInSession
{
    public const int MaxDeviceLength = 60;

    public Guid Id { get; set; }
    public ProfessionalId ProfessionalId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>The absolute end: the session ends then however busy it is.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public SessionEnd? EndedWhy { get; set; }
    /// <summary>"Firefox on Windows": enough for a person to tell their sessions apart.</summary>
    public string Device { get; set; } = "";

    /// <summary>Why the session cannot be used at <paramref name="now"/>, or null while it can.</summary>
    public SessionEnd? WhyNotUsable(DateTimeOffset now, SignInSessionOptions options) =>
        EndedWhy ?? (EndedAt is not null ? SessionEnd.SignedOut
            : now >= ExpiresAt ? SessionEnd.Expired
            : now - LastSeenAt >= options.Idle ? SessionEnd.Idle
            : null);
}

/// <summary>
/// How long page sessions last (<c>Cairn:Sessions</c>): ended after <c>IdleMinutes</c> without a request (default 30, so a
/// screen left on a shared office desk does not stay signed in), and after <c>AbsoluteHours</c> whatever happens (default
/// 10, a working day with some to spare).
/// </summary>
public sealed class SignInSessionOptions
{
    public int IdleMinutes { get; set; } = 30;
    public int AbsoluteHours { get; set; } = 10;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);

    /// <summary>Last seen is written at most this often, so a busy page costs one read and no write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
}

/// <summary>Starts and ends page sessions; every start and end is audited by ids only (action <c>session.start</c>, <c>session.end</c>).</summary>
public sealed class SignInSessions(CairnDbContext db, AuditLog audit, TimeProvider clock, IOptions<SignInSessionOptions> options)
{
    public const string AuditStart = "session.start";
    public const string AuditEnd = "session.end";

    /// <summary>Adds a session for the professional (saved by the caller's next save).</summary>
    public SignInSession Start(ProfessionalId professional, string? userAgent)
    {
        var now = clock.GetUtcNow();
        var session = new SignInSession
        {
            Id = Guid.NewGuid(),
            ProfessionalId = professional,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.Absolute,
            Device = DeviceSummary.From(userAgent),
        };
        db.SignInSessions.Add(session);
        audit.Record(AuditStart, null, "session", session.Id, detail: $"professional={professional.Value}");
        return session;
    }

    /// <summary>Ends one session of the professional's, if it is still open; saved at once. False when there is none to end.</summary>
    public async Task<bool> EndAsync(ProfessionalId professional, Guid id, SessionEnd why, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ended = await db.SignInSessions.Where(s => s.Id == id && s.ProfessionalId == professional && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedWhy, why), cancellationToken);
        if (ended == 0)
        {
            return false;
        }

        audit.Record(AuditEnd, null, "session", id, detail: Detail(why, professional));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends every open session of the professional at once (deactivation, sign out everywhere, a password change); the
    /// caller saves. Returns how many were ended.
    /// </summary>
    public async Task<int> EndAllAsync(ProfessionalId professional, SessionEnd why, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.SignInSessions.Where(s => s.ProfessionalId == professional && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndedWhy = why;
            audit.Record(AuditEnd, null, "session", session.Id, detail: Detail(why, professional));
        }

        return open.Count;
    }

    /// <summary>Why, and whose (by id: the person is not always signed in when a session ends, at its idle timeout).</summary>
    public static string Detail(SessionEnd why, ProfessionalId professional) => $"{Why(why)};professional={professional.Value}";

    private static string Why(SessionEnd why) => why switch
    {
        SessionEnd.SignedOut => "signed-out",
        SessionEnd.Idle => "idle",
        SessionEnd.Expired => "expired",
        SessionEnd.EndedByOwner => "ended-by-owner",
        SessionEnd.SignedOutEverywhere => "signed-out-everywhere",
        SessionEnd.Deactivated => "deactivated",
        SessionEnd.PasswordChanged => "password-changed",
        _ => ((int)why).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A browser and system in a few words, from the User-Agent header; never the header itself.</summary>
public static class DeviceSummary
{
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Mac OS X", "Mac"),
            ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name ?? "A browser";
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        var summary = system is null ? browser : $"{browser} on {system}";
        return summary.Length <= SignInSession.MaxDeviceLength ? summary : summary[..SignInSession.MaxDeviceLength];
    }
}
