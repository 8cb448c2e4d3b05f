using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Missing.ListMissingEpisodes;

[Authorize(Policy = Policies.Professional)]
public sealed class ListMissingEpisodesModel(ListMissingEpisodesHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildMissingEpisodes Missing { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } page)
        {
            return NotFound();
        }

        Missing = page;
        Banner = await banner.LoadAsync(page.ChildId, cancellationToken);
        return Page();
    }
}
