using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cairn.Web.Features.Account.Sessions;

public sealed record SessionRow(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string Device, bool IsThisOne);

/// <summary>
/// The signed-in professional's own open page sessions, newest first, and ending one of them (issue #17, part 5). Only
/// one's own: another person's session id is not found, exactly like one that does not exist.
/// </summary>
public sealed class YourSessionsHandler(CairnDbContext db, CurrentUser user, SignInSessions sessions, TimeProvider clock,
    IOptions<SignInSessionOptions> options)
{
    public async Task<IReadOnlyList<SessionRow>> ListAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var now = clock.GetUtcNow();
        var current = user.SessionId;
        var open = await db.SignInSessions.AsNoTracking()
            .Where(s => s.ProfessionalId == me && s.EndedAt == null)
            .ToListAsync(cancellationToken);
        return open.Where(s => s.WhyNotUsable(now, options.Value) is null)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SessionRow(s.Id, s.CreatedAt, s.LastSeenAt, s.Device, s.Id == current))
            .ToList();
    }

    /// <summary>Ends one of the professional's own open sessions; not found for anyone else's, or one already ended.</summary>
    public async Task<Handled<Guid>> EndAsync(Guid id, CancellationToken cancellationToken) =>
        await sessions.EndAsync(user.ProfessionalId, id, SessionEnd.EndedByOwner, cancellationToken) ? id : Handled.NotFound;
}
