using Cairn.Domain.FrontDoor;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.Queue;

[Authorize(Policy = Policies.Professional)]
public sealed class FrontDoorQueueModel(FrontDoorQueueHandler handler) : PageModel
{
    public FrontDoorQueueView Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(ContactStatus? status, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(status, cancellationToken) is not { } queue)
        {
            return Forbid();
        }

        Queue = queue;
        return Page();
    }
}
