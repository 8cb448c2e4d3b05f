using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.EmergencyDutyQueue;

[Authorize(Policy = Policies.Professional)]
public sealed class EmergencyDutyQueueModel(EmergencyDutyQueueHandler handler) : PageModel
{
    public IReadOnlyList<InboxItem> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(cancellationToken) is not { } queue)
        {
            return Forbid();
        }

        Queue = queue;
        return Page();
    }
}
