using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Shares.Inbox;

[Authorize(Policy = Policies.Professional)]
public sealed class InboxModel(InboxHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxBox Box { get; set; } = InboxBox.Me;

    public InboxView Inbox { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(Box))
        {
            Box = InboxBox.Me;
        }

        Inbox = await handler.HandleAsync(Box, cancellationToken);
        return Page();
    }
}
