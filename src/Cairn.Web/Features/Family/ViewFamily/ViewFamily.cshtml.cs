using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Family.ViewFamily;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewFamilyModel(ViewFamilyHandler handler, ChildBannerHandler banner) : PageModel
{
    public FamilyPage Family { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } family)
        {
            return NotFound();
        }

        Family = family;
        Banner = await banner.LoadAsync(family.PersonId, cancellationToken);
        return Page();
    }
}
