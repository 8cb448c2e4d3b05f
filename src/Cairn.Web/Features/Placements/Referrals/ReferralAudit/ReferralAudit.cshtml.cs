using System.ComponentModel.DataAnnotations;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Referrals.ReferralAudit;

/// <summary>The referral audit page (L40): referrals by quality, poorest first, with a chart of how many fall in each band.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ReferralAuditModel(ReferralAuditHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Started from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Started up to")]
    public DateOnly? To { get; set; }

    public ReferralAuditPage? Audit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var handled = await handler.HandleAsync(From, To, cancellationToken);
        if (handled.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal, prefix: "");
            return Page();
        }

        Audit = handled.Value;
        return Page();
    }
}
