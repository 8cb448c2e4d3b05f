using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.ListEnquiries;

[Authorize(Policy = Policies.Professional)]
public sealed class ChildEnquiriesModel(ListEnquiriesHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public ChildEnquiries Enquiries { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } enquiries)
        {
            return NotFound();
        }

        Enquiries = enquiries;
        Banner = await banner.LoadAsync(enquiries.ChildId, cancellationToken);
        return Page();
    }
}
