using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Dangers.ListChildDangers;

[Authorize(Policy = Policies.Professional)]
public sealed class ListChildDangersModel(ListChildDangersHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildDangersPage Dangers { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), [], cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Dangers = page;
        Banner = await banner.LoadAsync(page.ChildId, cancellationToken);
        return Page();
    }
}
