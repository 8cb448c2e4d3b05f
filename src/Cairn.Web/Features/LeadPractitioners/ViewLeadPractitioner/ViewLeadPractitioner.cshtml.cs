using Cairn.Domain;
using Cairn.Web.Features.LeadPractitioners.ChangeLeadPractitioner;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.LeadPractitioners.ViewLeadPractitioner;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewLeadPractitionerModel(ViewLeadPractitionerHandler handler, ChangeLeadPractitionerHandler change, ChildBannerHandler banner)
    : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public LeadPractitionerPage Lead { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        var handled = await change.HandleAsync(child, new ChangeLeadPractitionerCommand
        {
            LeadPractitionerId = Input.LeadPractitionerId is { } lead ? new ProfessionalId(lead) : null,
            Reason = Input.Reason,
            CurrentId = Input.CurrentId,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, p => new PageDone($"{p.Current?.Name} is now the lead child protection practitioner",
            $"/people/{id}/lead-practitioner"), () => LoadAsync(child, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(child, cancellationToken) is not { } lead)
        {
            return false;
        }

        Lead = lead;
        // The current lead read: a re-shown form after a conflict carries the one now held (the posted values are cleared).
        Input.CurrentId = lead.Current?.Id;
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class ChangeInput
    {
        public Guid? LeadPractitionerId { get; set; }
        public string? Reason { get; set; }
        public long? CurrentId { get; set; }
    }
}
