using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.OverdueActions;

[Authorize(Policy = Policies.Professional)]
public sealed class OverdueActionsModel(OverdueActionsHandler handler) : PageModel
{
    public IReadOnlyList<OverdueAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Actions = await handler.HandleAsync(cancellationToken);
}
