using Cairn.Domain;
using Cairn.Web.Features.Placements.Referrals.ViewReferral;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Referrals.ChangeReferral;

[Authorize(Policy = Policies.Professional)]
public sealed class ChangeReferralModel(ChangeReferralHandler handler, ViewReferralHandler view, ReferralAccessHandler referrals,
    ChildBannerHandler banner) : PageModel, IReferralForm
{
    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public ReferralView Referral { get; private set; } = null!;

    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PlacementReferralId(id), cancellationToken))
        {
            return NotFound();
        }

        Input = ReferralInput.From(Referral.Details, Referral.Version);
        if (!MayChange)
        {
            this.ShowRefusal(ReferralAccessHandler.NotTheirs);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var referral = new PlacementReferralId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(referral, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(referral, new ChangeReferralCommand { Details = Input.ToDetails(), Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(handled,
            r => new PageDone($"Placement referral changed. Its quality is {r.Quality.Score} out of 100", $"/placement-referrals/{r.Id}"),
            async () =>
            {
                if (!await LoadAsync(referral, cancellationToken))
                {
                    return false;
                }

                Input.Version = Referral.Version;
                return true;
            });
    }

    private async Task<bool> LoadAsync(PlacementReferralId id, CancellationToken cancellationToken)
    {
        if (await view.HandleAsync(id, cancellationToken) is not { } referral)
        {
            return false;
        }

        Referral = referral;
        MayChange = referral.IsOpen && await referrals.MayChangeAsync(cancellationToken);
        Banner = await banner.LoadAsync(referral.ChildId, cancellationToken);
        return true;
    }
}
