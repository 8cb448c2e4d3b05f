using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Referrals.MatchReferral;

/// <summary>
/// The register ranked for a submitted referral (L33–L35, L41): each option's score explained line by line, dangers near it and
/// conflicts with its residents in red before anyone chooses it, what was excluded and why. Whoever may change referrals may go on
/// to place the child in an option.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class MatchReferralModel(MatchReferralHandler handler, ReferralAccessHandler referrals, ChildBannerHandler banner) : PageModel
{
    public MatchView Match { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public bool MayPlace { get; private set; }

    /// <summary>Why the referral cannot be matched (a draft or a closed referral), when it cannot.</summary>
    public string? NotMatchable { get; private set; }

    public Guid ReferralId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ReferralId = id;
        var handled = await handler.HandleAsync(new PlacementReferralId(id), 50, cancellationToken);
        switch (handled.As)
        {
            case HandledAs.Done:
                Match = handled.Value!;
                break;
            case HandledAs.Refused:
                NotMatchable = string.Join(" ", handled.Refusal!.Errors.Select(e => e.Message));
                break;
            default:
                return NotFound();
        }

        if (await referrals.ChildOfAsync(new PlacementReferralId(id), cancellationToken) is { } child)
        {
            Banner = await banner.LoadAsync(child, cancellationToken);
        }

        MayPlace = Match is not null && await referrals.MayChangeAsync(cancellationToken);
        return Page();
    }
}
