using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Plans.UpdateAction;

[Authorize(Policy = Policies.Professional)]
public sealed class UpdateActionModel(UpdateActionHandler handler) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public ActionToUpdate Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PlanActionId(actionId), cancellationToken))
        {
            return NotFound();
        }

        Input.Status = Action.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, CancellationToken cancellationToken)
    {
        var id = new PlanActionId(actionId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var updated = await handler.HandleAsync(id, new UpdateActionCommand { Status = Input.Status, Note = Input.Note, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(updated, a => new PageDone("Action updated", $"/plans/{a.PlanId.Value}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(PlanActionId id, CancellationToken cancellationToken)
    {
        if (await handler.ReadAsync(id, cancellationToken) is not { } action)
        {
            return false;
        }

        Action = action;
        Input.Version = action.Version;
        return true;
    }

    public sealed class ActionInput
    {
        public PlanActionStatus? Status { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }
}
