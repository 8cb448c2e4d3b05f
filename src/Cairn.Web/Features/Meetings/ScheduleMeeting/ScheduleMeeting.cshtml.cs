using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Meetings.ListMeetings;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Meetings.ScheduleMeeting;

[Authorize(Policy = Policies.Professional)]
public sealed class ScheduleMeetingModel(ScheduleMeetingHandler handler, ListMeetingsHandler meetings, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Text)> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var childId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
        }

        var scheduled = await handler.HandleAsync(childId, new ScheduleMeetingCommand
        {
            Kind = Input.Kind,
            TriggeredOn = Input.Kind == MeetingKind.InitialChildProtectionConference ? Input.StrategyDiscussionOn : null,
            TriggeredAt = Input.Kind == MeetingKind.PlacementPlanningMeeting ? Input.PlacementStartedAt : null,
        }, cancellationToken);
        return await this.AfterChangeAsync(scheduled,
            m => new PageDone(m.DueOn is { } due ? $"Meeting scheduled: due by {Display.Date(due)}. Arrange the date and invite people."
                : "Meeting scheduled: arrange the date and invite people.", $"/meetings/{m.Id.Value}"),
            () => LoadAsync(childId, cancellationToken), fieldFor: f => f switch
            {
                "TriggeredOn" => "Input.StrategyDiscussionOn",
                "TriggeredAt" => "Input.PlacementStartedAt",
                _ => $"Input.{f}",
            });
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await meetings.HandleAsync(id, cancellationToken) is not { } list)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Kinds = list.MayArrange.Select(k => (k.ToString(), MeetingTypes.Of(k).Name + (MeetingTypes.Of(k).Statutory ? "" : " (not statutory)")))
            .ToList();
        return true;
    }

    public sealed class ScheduleInput
    {
        public MeetingKind? Kind { get; set; }
        [Display(Name = "Date of the strategy discussion")]
        public DateOnly? StrategyDiscussionOn { get; set; }
        [Display(Name = "When the placement started")]
        public DateTimeOffset? PlacementStartedAt { get; set; }
    }
}
