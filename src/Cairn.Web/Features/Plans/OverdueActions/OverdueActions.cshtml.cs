using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.OverdueActions;

[Authorize(Policy = Policies.Professional)]
public sealed class OverdueActionsModel(OverdueActionsHandler handler) : PageModel
{
    public OverdueActionsPage Actions { get; private set; } = new(0, 1, OverdueActionsHandler.PageSize, []);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await handler.HandleAsync(PageNumber, cancellationToken);
}
