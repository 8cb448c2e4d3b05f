using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.CompareVersions;

[Authorize(Policy = Policies.Professional)]
public sealed class CompareVersionsModel(CompareVersionsHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public VersionComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, int number, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PlanId(planId), number, cancellationToken) is not { } comparison)
        {
            return NotFound();
        }

        Comparison = comparison;
        Banner = await banner.LoadAsync(comparison.ChildId, cancellationToken);
        return Page();
    }
}
