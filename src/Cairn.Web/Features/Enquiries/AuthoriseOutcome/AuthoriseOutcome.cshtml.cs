using Cairn.Domain;
using Cairn.Web.Features.Enquiries.ViewEnquiry;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.AuthoriseOutcome;

[Authorize(Policy = Policies.Professional)]
public sealed class AuthoriseOutcomeModel(AuthoriseOutcomeHandler handler, ViewEnquiryHandler enquiries, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public AuthoriseInput Input { get; set; } = new();

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

        var authorised = await handler.HandleAsync(id, new AuthoriseOutcomeCommand { Version = Input.Version }, cancellationToken);
        return await this.AfterChangeAsync(authorised,
            e => new PageDone("Outcome authorised" + (e.LegalStatusNote is { } note ? $". {note}" : "")
                             + (e.MeetingNote is { } meeting ? $". {meeting}" : ""), $"/section-47-enquiries/{enquiryId}"),
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

    public sealed class AuthoriseInput
    {
        public int? Version { get; set; }
    }
}
