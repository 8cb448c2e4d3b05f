using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Plans.ViewPlan;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.EndPlan;

[Authorize(Policy = Policies.Professional)]
public sealed class EndPlanModel(EndPlanHandler handler, ViewPlanHandler plans, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public PlanDetails Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PlanId(planId), cancellationToken))
        {
            return NotFound();
        }

        Input.EndedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken cancellationToken)
    {
        var id = new PlanId(planId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var ended = await handler.HandleAsync(id, new EndPlanCommand { EndedOn = Input.EndedOn, Reason = Input.Reason, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(ended, _ => new PageDone("Plan ended", $"/plans/{planId}"), () => LoadAsync(id, cancellationToken),
            fieldFor: f => f == "EndReason" ? "Input.Reason" : $"Input.{f}");
    }

    private async Task<bool> LoadAsync(PlanId id, CancellationToken cancellationToken)
    {
        if (await plans.HandleAsync(id, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Input.Version = plan.Version;
        Banner = await banner.LoadAsync(plan.ChildId, cancellationToken);
        return true;
    }

    public sealed class EndInput
    {
        [Display(Name = "Date the plan ended")]
        public DateOnly? EndedOn { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
