using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EmergencyDuty.ViewQueue;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewQueueModel(ViewQueueHandler handler) : PageModel
{
    public EmergencyDutyHeld Queue { get; private set; } = new([], []);

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
