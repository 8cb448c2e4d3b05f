using Cairn.Domain;
using Cairn.Web.Features.Admin.ChangeTeamManager;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Teams;

[Authorize(Policy = Policies.Administrator)]
public sealed class ViewTeamModel(TeamDetailsHandler teams, ChangeTeamManagerHandler changeManager) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public TeamDetails Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new TeamId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var team = new TeamId(id);
        var command = new ChangeManagerCommand
        {
            ManagerId = Input.ManagerId is { } m ? new ProfessionalId(m) : null,
            Reason = Input.Reason,
            Version = Input.Version,
        };
        var handled = await changeManager.HandleAsync(team, command, cancellationToken);
        if (handled.Refusal?.IsConflict == true)
        {
            // After a conflict the form carries the version now held, so what is shown is what the next attempt is checked against.
            Input.Version = null;
        }

        return await this.AfterChangeAsync(handled,
            changed => new PageDone($"{changed.Manager} now manages {changed.Name}. They are told first when a share to the team is overdue.",
                $"/admin/teams/{id}"),
            () => LoadAsync(team, cancellationToken));
    }

    private async Task<bool> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        if (await teams.ViewAsync(id, cancellationToken) is not { } team)
        {
            return false;
        }

        Team = team;
        Input.Version ??= team.Version;
        return true;
    }

    public sealed class ChangeInput
    {
        public Guid? ManagerId { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
