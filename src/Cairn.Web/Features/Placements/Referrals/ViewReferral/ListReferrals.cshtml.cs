using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Referrals.ViewReferral;

/// <summary>A child's placement referrals, newest first, with their quality (L40).</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ListReferralsModel(ViewReferralHandler view, ChildBannerHandler banner) : PageModel
{
    public ChildReferralsPage Referrals { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await view.ListAsync(new PersonId(id), cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Referrals = page;
        Banner = await banner.LoadAsync(page.ChildId, cancellationToken);
        return Page();
    }
}
