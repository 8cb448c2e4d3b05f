using Cairn.Domain;
using Cairn.Web.Features.Children.MakeLeadProfessional;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.Team;

[Authorize(Policy = Policies.Professional)]
public sealed class TeamModel(TeamHandler handler, MakeLeadProfessionalHandler makeLead, ChildBannerHandler banner) : PageModel
{
    public TeamView Team { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    /// <summary>Moves the lead professional role to one involvement (a button per row).</summary>
    public async Task<IActionResult> OnPostLeadAsync(Guid id, Guid involvement, int version, CancellationToken cancellationToken)
    {
        var moved = await makeLead.HandleAsync(new InvolvementId(involvement), new MakeLeadCommand { Version = version }, cancellationToken);
        return await this.AfterChangeAsync(moved, _ => new PageDone("Lead professional changed", $"/people/{id}/team"),
            () => LoadAsync(new PersonId(id), cancellationToken), prefix: "");
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
