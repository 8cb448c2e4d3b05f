using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Chronology.AmendEntry;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewEntryModel(AmendEntryHandler handler, ChildBannerHandler banner) : PageModel
{
    public EntryDetails Entry { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid entryId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new ChronologyEntryId(entryId), cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Banner = await banner.LoadAsync(entry.Subjects[0].Id, cancellationToken);
        return Page();
    }
}
