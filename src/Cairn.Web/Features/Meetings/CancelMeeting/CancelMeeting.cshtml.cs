using Cairn.Domain;
using Cairn.Web.Features.Meetings.ViewMeeting;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.CancelMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class CancelMeetingModel(CancelMeetingHandler handler, ViewMeetingHandler view, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public MeetingDetails Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(new MeetingId(meetingId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        var cancelled = await handler.HandleAsync(id, new CancelMeetingCommand { Reason = Input.CancelReason, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(cancelled, _ => new PageDone("Meeting cancelled", $"/meetings/{meetingId}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await view.HandleAsync(id, cancellationToken) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Input.Version = meeting.Version;
        Banner = await banner.LoadAsync(meeting.ChildId, cancellationToken);
        return true;
    }

    public sealed class CancelInput
    {
        public string? CancelReason { get; set; }
        public int? Version { get; set; }
    }
}
