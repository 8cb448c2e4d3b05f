using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.Timescales;

[Authorize(Policy = Policies.Professional)]
public sealed class FrontDoorTimescalesModel(FrontDoorTimescalesHandler handler) : PageModel
{
    [BindProperty]
    public TimescalesInput Input { get; set; } = new();

    public FrontDoorTimescalesView Timescales { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!handler.MayEdit)
        {
            return Forbid();
        }

        Timescales = await handler.ViewAsync(cancellationToken);
        Input = new TimescalesInput { StrategyDiscussionWorkingDays = Timescales.StrategyDiscussionWorkingDays, Version = Timescales.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!handler.MayEdit)
        {
            return Forbid();
        }

        Timescales = await handler.ViewAsync(cancellationToken);
        var outcome = await handler.SaveAsync(Input.StrategyDiscussionWorkingDays, Input.Version ?? -1, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.Clear();
            ModelState.AddRefusal(refusal);
            return Page();
        }

        TempData["Notice"] = "Front door timescales saved: strategy discussions required from now on use them";
        return Redirect("/front-door/timescales");
    }

    public sealed class TimescalesInput
    {
        public int? StrategyDiscussionWorkingDays { get; set; }
        public int? Version { get; set; }
    }
}
