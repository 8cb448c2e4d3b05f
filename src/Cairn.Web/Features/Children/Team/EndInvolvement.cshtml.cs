using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.Team;

[Authorize(Policy = Policies.Professional)]
public sealed class EndInvolvementModel(TeamHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndInvolvementInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public InvolvementView Involvement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid involvementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new InvolvementId(involvementId), cancellationToken))
        {
            return NotFound();
        }

        Input.EndedOn = clock.Today();
        Input.Version = Involvement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid involvementId, CancellationToken cancellationToken)
    {
        var id = new InvolvementId(involvementId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await handler.EndAsync(id, new EndInvolvementCommand { EndedOn = Input.EndedOn, Version = Input.Version }, cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = "Involvement ended";
        return Redirect($"/people/{result.Value!.ChildId.Value}/team");
    }

    private async Task<bool> LoadAsync(InvolvementId id, CancellationToken cancellationToken)
    {
        if (await handler.ChildOfAsync(id, cancellationToken) is not { } child
            || await handler.HandleAsync(child, cancellationToken) is not { } team
            || team.Current.FirstOrDefault(i => i.Id == id) is not { } involvement)
        {
            return false;
        }

        Involvement = involvement;
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class EndInvolvementInput
    {
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }
    }
}
