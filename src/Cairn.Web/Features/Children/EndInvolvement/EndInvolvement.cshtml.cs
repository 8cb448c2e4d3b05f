using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Children.Team;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.EndInvolvement;

[Authorize(Policy = Policies.Professional)]
public sealed class EndInvolvementModel(EndInvolvementHandler handler, TeamHandler teams, InvolvementChangesHandler changes,
    ChildBannerHandler banner, TimeProvider clock) : PageModel
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
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid involvementId, CancellationToken cancellationToken)
    {
        var id = new InvolvementId(involvementId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var ended = await handler.HandleAsync(id, new EndInvolvementCommand { EndedOn = Input.EndedOn, Version = Input.Version }, cancellationToken);
        return await this.AfterChangeAsync(ended, i => new PageDone("Involvement ended", $"/people/{i.ChildId.Value}/team"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(InvolvementId id, CancellationToken cancellationToken)
    {
        if (await changes.ChildOfAsync(id, cancellationToken) is not { } child
            || await teams.HandleAsync(child, cancellationToken) is not { } team
            || team.Current.FirstOrDefault(i => i.Id == id) is not { } involvement)
        {
            return false;
        }

        Involvement = involvement;
        Input.Version = involvement.Version;
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class EndInvolvementInput
    {
        [Display(Name = "Last day of involvement")]
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }
    }
}
