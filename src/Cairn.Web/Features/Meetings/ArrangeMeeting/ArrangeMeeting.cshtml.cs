using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Meetings.ViewMeeting;
using Cairn.Web.Features.Plans;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.ArrangeMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class ArrangeMeetingModel(ArrangeMeetingHandler handler, ViewMeetingHandler view, MeetingAccessHandler meetings,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ArrangeInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public MeetingDetails Meeting { get; private set; } = null!;

    public IReadOnlyList<ProfessionalOption> Chairs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new MeetingId(meetingId), cancellationToken))
        {
            return NotFound();
        }

        Input.ScheduledAt = Meeting.ScheduledAt;
        Input.Venue = Meeting.Venue;
        Input.ChairId = Meeting.ChairId?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var arranged = await handler.HandleAsync(id, new ArrangeMeetingCommand
        {
            ScheduledAt = Input.ScheduledAt,
            Venue = Input.Venue,
            ChairId = Input.ChairId is { } chair ? new ProfessionalId(chair) : null,
            MoveReason = Input.MoveReason,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(arranged,
            _ => new PageDone("Meeting arranged: the people invited have been told", $"/meetings/{meetingId}"),
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
        Chairs = await meetings.ProfessionalsAsync(meeting.ChildId, meeting.Kind is not (MeetingKind.TeamAroundTheFamily
            or MeetingKind.ProfessionalsMeeting), cancellationToken);
        return true;
    }

    public sealed class ArrangeInput
    {
        [Display(Name = "Date and time of the meeting")]
        public DateTimeOffset? ScheduledAt { get; set; }
        public string? Venue { get; set; }
        public Guid? ChairId { get; set; }
        public string? MoveReason { get; set; }
        public int? Version { get; set; }
    }
}
