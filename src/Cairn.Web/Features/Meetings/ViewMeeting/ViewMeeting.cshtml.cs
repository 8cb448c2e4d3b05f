using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.ViewMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewMeetingModel(ViewMeetingHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public MeetingDetails Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new MeetingId(meetingId), cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        Banner = await banner.LoadAsync(meeting.ChildId, cancellationToken);
        return Page();
    }
}
