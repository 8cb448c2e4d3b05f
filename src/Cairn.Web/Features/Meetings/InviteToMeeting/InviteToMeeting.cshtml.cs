using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Meetings.ViewMeeting;
using Cairn.Web.Features.Plans;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.InviteToMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class InviteToMeetingModel(InviteToMeetingHandler handler, ViewMeetingHandler view, MeetingAccessHandler meetings,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public MeetingDetails Meeting { get; private set; } = null!;

    public IReadOnlyList<InviteSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<ProfessionalOption> Professionals { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Family { get; private set; } = [];

    public static IEnumerable<(string Value, string Text)> Roles =>
        Enum.GetValues<MeetingRole>().Where(r => r != MeetingRole.Chair).Select(r => (r.ToString(), MeetingWords.Role(r)));

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(new MeetingId(meetingId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var invited = await handler.HandleAsync(id, new InviteToMeetingCommand
        {
            ProfessionalId = Input.ProfessionalId is { } p ? new ProfessionalId(p) : null,
            PersonId = Input.PersonId is { } f ? new PersonId(f) : null,
            Role = Input.Role,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(invited, _ => new PageDone("Invitation sent", $"/meetings/{meetingId}/invite"),
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
        Suggestions = await handler.SuggestionsAsync(meeting.ChildId,
            meeting.Invitees.Select(i => i.ProfessionalId).OfType<ProfessionalId>().ToList(),
            meeting.Invitees.Select(i => i.PersonId).OfType<PersonId>().ToList(), cancellationToken);
        Professionals = await meetings.ProfessionalsAsync(meeting.ChildId, false, cancellationToken);
        Family = (await handler.FamilyAsync(meeting.ChildId, cancellationToken))
            .Select(f => (f.Id.Value.ToString(), $"{f.Name} ({MeetingWords.Role(f.Role)})")).ToList();
        return true;
    }

    public sealed class InviteInput
    {
        public Guid? ProfessionalId { get; set; }
        public Guid? PersonId { get; set; }
        public MeetingRole? Role { get; set; }
        public int? Version { get; set; }
    }
}
