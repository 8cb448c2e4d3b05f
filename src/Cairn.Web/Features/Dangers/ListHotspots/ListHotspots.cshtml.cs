using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Dangers.ListHotspots;

[Authorize(Policy = Policies.Professional)]
public sealed class ListHotspotsModel(ListHotspotsHandler handler) : PageModel
{
    public HotspotsPage Hotspots { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(cancellationToken) is not { } page)
        {
            return Forbid();
        }

        Hotspots = page;
        return Page();
    }
}
