using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.ListMeetings;

[Authorize(Policy = Policies.Professional)]
public sealed class ChildMeetingsModel(ListMeetingsHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public ChildMeetings Meetings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } meetings)
        {
            return NotFound();
        }

        Meetings = meetings;
        Banner = await banner.LoadAsync(meetings.ChildId, cancellationToken);
        return Page();
    }
}
