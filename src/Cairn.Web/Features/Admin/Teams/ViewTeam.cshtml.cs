using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Teams;

[Authorize(Policy = Policies.Administrator)]
public sealed class ViewTeamModel(TeamsHandler handler) : PageModel
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
        if (await handler.ChangeManagerAsync(team, command, cancellationToken) is not { } outcome)
        {
            return NotFound();
        }

        if (outcome.Refusal is not { } refusal)
        {
            TempData["Notice"] = $"{outcome.Value!.Manager} now manages {outcome.Value.Name}. They are told first when a share to the team is overdue.";
            return Redirect($"/admin/teams/{id}");
        }

        this.ShowRefusal(refusal);
        if (refusal.IsConflict)
        {
            Input.Version = null;
        }

        return await LoadAsync(team, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } team)
        {
            return false;
        }

        Team = team;
        // After a conflict the form carries the version now held, so what is shown is what the next attempt is checked against.
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
