using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.ListPlans;

[Authorize(Policy = Policies.Professional)]
public sealed class ChildPlansModel(ListPlansHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public ChildPlans Plans { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } plans)
        {
            return NotFound();
        }

        Plans = plans;
        Banner = await banner.LoadAsync(plans.ChildId, cancellationToken);
        return Page();
    }
}
