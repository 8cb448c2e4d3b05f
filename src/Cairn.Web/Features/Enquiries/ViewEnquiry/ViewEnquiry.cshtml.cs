using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.ViewEnquiry;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewEnquiryModel(ViewEnquiryHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public EnquiryDetails Enquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new Section47EnquiryId(enquiryId), cancellationToken) is not { } enquiry)
        {
            return NotFound();
        }

        Enquiry = enquiry;
        Banner = await banner.LoadAsync(enquiry.ChildId, cancellationToken);
        return Page();
    }
}
