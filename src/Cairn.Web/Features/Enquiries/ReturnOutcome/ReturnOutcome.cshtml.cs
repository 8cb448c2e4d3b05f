using Cairn.Domain;
using Cairn.Web.Features.Enquiries.ViewEnquiry;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.ReturnOutcome;

[Authorize(Policy = Policies.Professional)]
public sealed class ReturnOutcomeModel(ReturnOutcomeHandler handler, ViewEnquiryHandler enquiries, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ReturnInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EnquiryDetails Enquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, CancellationToken cancellationToken) =>
        await LoadAsync(new Section47EnquiryId(enquiryId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        var id = new Section47EnquiryId(enquiryId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var returned = await handler.HandleAsync(id, new ReturnOutcomeCommand { Reason = Input.Reason, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(returned,
            _ => new PageDone("Outcome returned to the lead social worker", $"/section-47-enquiries/{enquiryId}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(Section47EnquiryId id, CancellationToken cancellationToken)
    {
        if (await enquiries.HandleAsync(id, cancellationToken) is not { } enquiry)
        {
            return false;
        }

        Enquiry = enquiry;
        Input.Version = enquiry.Version;
        Banner = await banner.LoadAsync(enquiry.ChildId, cancellationToken);
        return true;
    }

    public sealed class ReturnInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
