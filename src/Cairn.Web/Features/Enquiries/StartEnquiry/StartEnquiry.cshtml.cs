using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.StartEnquiry;

[Authorize(Policy = Policies.Professional)]
public sealed class StartEnquiryModel(StartEnquiryHandler handler, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public StartEnquiryInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public StartForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new StrategyDiscussionId(id), cancellationToken))
        {
            return NotFound();
        }

        if (Form.ExistingEnquiryId is { } existing)
        {
            return Redirect($"/section-47-enquiries/{existing.Value}");
        }

        if (!Form.MayStart)
        {
            this.ShowRefusal(EnquiryAccessHandler.NotTheirs(EnquiryStep.Work));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var discussion = new StrategyDiscussionId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(discussion, cancellationToken) ? Page() : NotFound();
        }

        var started = await handler.HandleAsync(discussion, new StartEnquiryCommand
        {
            LeadSocialWorkerId = Input.LeadSocialWorkerId is { } lead ? new ProfessionalId(lead) : null,
            PoliceRole = Input.PoliceRole,
            HealthRole = Input.HealthRole,
        }, cancellationToken);
        return await this.AfterChangeAsync(started,
            e => new PageDone("Section 47 enquiry started" + (e.LegalStatusNote is { } note ? $". {note}" : ""),
                $"/section-47-enquiries/{e.Id.Value}"),
            () => LoadAsync(discussion, cancellationToken));
    }

    private async Task<bool> LoadAsync(StrategyDiscussionId id, CancellationToken cancellationToken)
    {
        if (await handler.FormAsync(id, cancellationToken) is not { } form)
        {
            return false;
        }

        Form = form;
        Banner = await banner.LoadAsync(form.ChildId, cancellationToken);
        return true;
    }

    public sealed class StartEnquiryInput
    {
        public Guid? LeadSocialWorkerId { get; set; }
        public string? PoliceRole { get; set; }
        public string? HealthRole { get; set; }
    }
}
