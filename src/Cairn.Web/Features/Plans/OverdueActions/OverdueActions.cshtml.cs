using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.OverdueActions;

[Authorize(Policy = Policies.Professional)]
public sealed class OverdueActionsModel(OverdueActionsHandler handler) : PageModel
{
    public OverdueActionsPage Actions { get; private set; } = new(0, 1, OverdueActionsHandler.PageSize, []);

    /// <summary>The page asked for, from the query string: "page" is also Razor Pages' own route value, which would win a plain bind.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) =>
        Actions = await handler.HandleAsync(page ?? 1, cancellationToken);
}
