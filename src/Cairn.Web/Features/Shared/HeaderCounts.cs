using Cairn.Web.Features.Notifications;
using Cairn.Web.Features.Shares;

namespace Cairn.Web.Features.Shared;

/// <summary>The counts in the header on every page: shares waiting for receipt or action, and unread notifications.</summary>
public sealed record HeaderCounts(int Shares, int Notifications)
{
    public static HeaderCounts None { get; } = new(0, 0);
}

public sealed class HeaderCountsHandler(ShareBoxes shares, NotificationsHandler notifications)
{
    public async Task<HeaderCounts> HandleAsync(CancellationToken cancellationToken) =>
        new(await shares.WaitingAsync(cancellationToken), await notifications.UnreadAsync(cancellationToken));
}
