using Cairn.Domain;
using Cairn.Web.Features.Enquiries.ViewEnquiry;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.RecordRoles;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordRolesModel(RecordRolesHandler handler, ViewEnquiryHandler enquiries, EnquiryAccessHandler access,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public RolesInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EnquiryDetails Enquiry { get; private set; } = null!;

    public IReadOnlyList<LeadOption> Leads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new Section47EnquiryId(enquiryId), cancellationToken))
        {
            return NotFound();
        }

        Input.LeadSocialWorkerId = Enquiry.Lead.Id.Value;
        Input.PoliceRole = Enquiry.PoliceRole;
        Input.HealthRole = Enquiry.HealthRole;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        var id = new Section47EnquiryId(enquiryId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await handler.HandleAsync(id, new RecordRolesCommand
        {
            LeadSocialWorkerId = Input.LeadSocialWorkerId is { } lead ? new ProfessionalId(lead) : null,
            PoliceRole = Input.PoliceRole,
            HealthRole = Input.HealthRole,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(recorded, _ => new PageDone("Lead and roles recorded", $"/section-47-enquiries/{enquiryId}"),
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
        Leads = await access.LeadOptionsAsync(enquiry.ChildId, cancellationToken);
        return true;
    }

    public sealed class RolesInput
    {
        public Guid? LeadSocialWorkerId { get; set; }
        public string? PoliceRole { get; set; }
        public string? HealthRole { get; set; }
        public int? Version { get; set; }
    }
}
