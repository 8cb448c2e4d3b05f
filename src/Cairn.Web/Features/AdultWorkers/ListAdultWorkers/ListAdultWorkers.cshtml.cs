using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.AdultWorkers.ListAdultWorkers;

[Authorize(Policy = Policies.Professional)]
public sealed class ListAdultWorkersModel(ListAdultWorkersHandler handler, ChildBannerHandler banner) : PageModel
{
    public AdultWorkersPage Workers { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } workers)
        {
            return NotFound();
        }

        Workers = workers;
        Banner = await banner.LoadAsync(workers.PersonId, cancellationToken);
        return Page();
    }
}
