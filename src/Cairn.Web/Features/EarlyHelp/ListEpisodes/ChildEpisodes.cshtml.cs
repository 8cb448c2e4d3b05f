using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.ListEpisodes;

[Authorize(Policy = Policies.Professional)]
public sealed class ChildEpisodesModel(ListEpisodesHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public ChildEpisodes Episodes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } episodes)
        {
            return NotFound();
        }

        Episodes = episodes;
        Banner = await banner.LoadAsync(episodes.ChildId, cancellationToken);
        return Page();
    }
}
