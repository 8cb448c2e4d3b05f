using Cairn.Domain;
using Cairn.Web.Features.Meetings.ConfirmMinutes;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.WriteMinutes;

/// <summary>The minutes page: read them, write them as a draft, and (the chair) confirm and send them.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class WriteMinutesModel(WriteMinutesHandler handler, ConfirmMinutesHandler confirm, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public MinutesInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public MeetingMinutes Minutes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new MeetingId(meetingId), cancellationToken))
        {
            return NotFound();
        }

        Input.IncidentsSinceLast = Minutes.IncidentsSinceLast;
        Input.ChildsView = Minutes.ChildsView;
        Input.ParentsView = Minutes.ParentsView;
        Input.Discussion = Minutes.Discussion;
        Input.FamilySummary = Minutes.FamilySummary;
        Input.Outcomes = Minutes.Outcomes.Select(o => new OutcomeInput { SectionKey = o.SectionKey, Reviewed = o.Reviewed, Progress = o.Progress })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        var saved = await handler.HandleAsync(id, new WriteMinutesCommand
        {
            IncidentsSinceLast = Input.IncidentsSinceLast,
            Outcomes = Input.Outcomes.Select(o => new OutcomeMinute(o.SectionKey, o.Reviewed, o.Progress)).ToList(),
            ChildsView = Input.ChildsView,
            ParentsView = Input.ParentsView,
            Discussion = Input.Discussion,
            FamilySummary = Input.FamilySummary,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(saved, _ => new PageDone("Minutes saved as a draft", $"/meetings/{meetingId}/minutes"),
            () => LoadAsync(id, cancellationToken));
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var id = new MeetingId(meetingId);
        var confirmed = await confirm.HandleAsync(id, new ConfirmMinutesCommand { Version = Input.Version }, cancellationToken);
        return await this.AfterChangeAsync(confirmed, m => new PageDone($"Minutes confirmed. {string.Join(". ", m.FollowOn)}.",
            $"/meetings/{meetingId}"), () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await handler.ReadAsync(id, cancellationToken) is not { } minutes)
        {
            return false;
        }

        Minutes = minutes;
        Input.Version = minutes.Version;
        var posted = Input.Outcomes.ToDictionary(o => o.SectionKey);
        Input.Outcomes = minutes.Outcomes.Select(o => posted.GetValueOrDefault(o.SectionKey) ?? new OutcomeInput { SectionKey = o.SectionKey })
            .ToList();
        Banner = await banner.LoadAsync(minutes.ChildId, cancellationToken);
        return true;
    }

    public sealed class MinutesInput
    {
        public string? IncidentsSinceLast { get; set; }
        public List<OutcomeInput> Outcomes { get; set; } = [];
        public string? ChildsView { get; set; }
        public string? ParentsView { get; set; }
        public string? Discussion { get; set; }
        public string? FamilySummary { get; set; }
        public int? Version { get; set; }
    }

    public sealed class OutcomeInput
    {
        public Guid SectionKey { get; set; }
        public bool Reviewed { get; set; }
        public string? Progress { get; set; }
    }
}
