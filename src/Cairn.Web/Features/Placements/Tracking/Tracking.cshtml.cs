using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Features.Placements.Tracking.RecordPanelDecision;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Tracking;

/// <summary>
/// The placement tracking panel page (L39): the children the viewer may open who are waiting for a placement or in an interim or
/// unsuitable one, longest wait first, with the panel's decisions; a children's social care manager records the panel's next
/// decision for a child (each decision is kept; the latest shows).
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class TrackingModel(TrackingHandler handler, RecordPanelDecisionHandler decisions, CairnDbContext db, CurrentUser user,
    TimeProvider clock) : PageModel
{
    public TrackingPanel Panel { get; private set; } = null!;

    /// <summary>The viewer may not use the panel: the page shows only why.</summary>
    public bool Refused { get; private set; }

    public IReadOnlyList<AreaProfessional> Owners { get; private set; } = [];

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.ReviewOn = clock.Today().AddDays(28);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ChildId is null)
        {
            ModelState.AddModelError("Input.ChildId", "Select the child");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var handled = await decisions.RecordAsync(new PersonId(Input.ChildId!.Value),
            new PanelDecisionCommand { Decision = Input.Decision, OwnerId = Input.OwnerId, ReviewOn = Input.ReviewOn }, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Panel decision recorded", "/placements/tracking"),
            async () =>
            {
                await LoadAsync(cancellationToken);
                return true;
            });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var handled = await handler.HandleAsync(cancellationToken);
        if (handled.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal, prefix: "");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Panel = new TrackingPanel([], 0, false);
            Refused = true;
            return;
        }

        Panel = handled.Value!;
        if (Panel.MayDecide && Panel.Children.Count > 0)
        {
            Owners = await AreaProfessionals.ActiveAsync(db, user.AreaId, cancellationToken);
        }
    }

    public sealed class DecisionInput
    {
        public Guid? ChildId { get; set; }

        public string? Decision { get; set; }

        public Guid? OwnerId { get; set; }

        [Display(Name = "Review date")]
        public DateOnly? ReviewOn { get; set; }
    }
}
