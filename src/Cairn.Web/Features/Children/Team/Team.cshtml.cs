using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.Team;

[Authorize(Policy = Policies.Professional)]
public sealed class TeamModel(TeamHandler handler, ChildBannerHandler banner) : PageModel
{
    public TeamView Team { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    /// <summary>Moves the lead professional role to one involvement (a button per row).</summary>
    public async Task<IActionResult> OnPostLeadAsync(Guid id, Guid involvement, int version, CancellationToken cancellationToken)
    {
        var outcome = await handler.MakeLeadAsync(new InvolvementId(involvement), new MakeLeadCommand { Version = version }, cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal, prefix: "");
            return await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = "Lead professional changed";
        return Redirect($"/people/{id}/team");
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } team)
        {
            return false;
        }

        Team = team;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }
}
