using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Notifications;

[Authorize(Policy = Policies.Professional)]
public sealed class NotificationsModel(NotificationsHandler handler) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await handler.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await handler.MarkAllReadAsync(cancellationToken);
        return Redirect("/notifications");
    }
}
