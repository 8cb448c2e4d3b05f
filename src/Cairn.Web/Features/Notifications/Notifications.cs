using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>The signed-in professional's own notifications, newest first; only ever their own.</summary>
public sealed class NotificationsHandler(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<NotificationView>> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        return await db.Notifications.AsNoTracking().Where(n => n.ProfessionalId == me)
            .OrderByDescending(n => n.CreatedAt).Take(100)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        return await db.Notifications.CountAsync(n => n.ProfessionalId == me && n.ReadAt == null, cancellationToken);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.ProfessionalId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
