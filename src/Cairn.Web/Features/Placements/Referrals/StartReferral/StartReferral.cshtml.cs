using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Referrals.StartReferral;

[Authorize(Policy = Policies.Professional)]
public sealed class StartReferralModel(StartReferralHandler handler, ReferralAccessHandler referrals, ChildBannerHandler banner)
    : PageModel, IReferralForm
{
    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public bool MayStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        if (!MayStart)
        {
            this.ShowRefusal(ReferralAccessHandler.NotTheirs);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(child, Input.ToDetails(), cancellationToken);
        return await this.AfterChangeAsync(handled,
            r => new PageDone($"Placement referral started. Its quality is {r.Quality.Score} out of 100 ({r.Quality.Band.ToLowerInvariant()})",
                $"/placement-referrals/{r.Id}"),
            () => LoadAsync(child, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await referrals.OpenAsync(child, cancellationToken))
        {
            return false;
        }

        MayStart = await referrals.MayChangeAsync(cancellationToken);
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }
}
