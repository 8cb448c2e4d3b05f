using Cairn.Web.Features.FrontDoor.ChangeFrontDoorTimescales;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.Timescales;

[Authorize(Policy = Policies.Professional)]
public sealed class FrontDoorTimescalesModel(FrontDoorTimescalesHandler handler, ChangeFrontDoorTimescalesHandler change) : PageModel
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

        var command = new ChangeFrontDoorTimescalesCommand
        {
            StrategyDiscussionWorkingDays = Input.StrategyDiscussionWorkingDays,
            Version = Input.Version ?? -1,
        };
        var handled = await change.ChangeAsync(command, cancellationToken);
        return await this.AfterChangeAsync(handled,
            _ => new PageDone("Front door timescales saved: strategy discussions required from now on use them", "/front-door/timescales"),
            async () =>
            {
                Timescales = await handler.ViewAsync(cancellationToken);
                return true;
            });
    }

    public sealed class TimescalesInput
    {
        public int? StrategyDiscussionWorkingDays { get; set; }
        public int? Version { get; set; }
    }
}
