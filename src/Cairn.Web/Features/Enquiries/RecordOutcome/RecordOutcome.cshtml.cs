using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Features.Enquiries.ViewEnquiry;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Enquiries.RecordOutcome;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordOutcomeModel(RecordOutcomeHandler handler, ViewEnquiryHandler enquiries, ChildBannerHandler banner, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EnquiryDetails Enquiry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new Section47EnquiryId(enquiryId), cancellationToken))
        {
            return NotFound();
        }

        Input.OutcomeOn = clock.Today();
        // A returned outcome keeps its reasons, so the lead social worker changes what the manager asked rather than starting again.
        Input.OutcomeReasons = Enquiry.OutcomeReasons;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enquiryId, CancellationToken cancellationToken)
    {
        var id = new Section47EnquiryId(enquiryId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await handler.HandleAsync(id, new RecordOutcomeCommand
        {
            Outcome = Input.Outcome,
            OutcomeOn = Input.OutcomeOn,
            OutcomeReasons = Input.OutcomeReasons,
            ConferenceDecidedOn = Input.ConferenceDecidedOn,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(recorded,
            _ => new PageDone("Outcome recorded: a team manager must now authorise it", $"/section-47-enquiries/{enquiryId}"),
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

    public sealed class OutcomeInput
    {
        public Section47Outcome? Outcome { get; set; }
        [Display(Name = "Date the outcome was reached")]
        public DateOnly? OutcomeOn { get; set; }
        public string? OutcomeReasons { get; set; }
        [Display(Name = "Date the conference was decided on")]
        public DateOnly? ConferenceDecidedOn { get; set; }
        public int? Version { get; set; }
    }
}
