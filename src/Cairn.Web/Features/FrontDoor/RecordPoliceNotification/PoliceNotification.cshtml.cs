using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.RecordPoliceNotification;

[Authorize(Policy = Policies.Professional)]
public sealed class PoliceNotificationModel(RecordPoliceNotificationHandler handler, RecordAccessService access, ChildBannerHandler banner,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public NotificationInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        if (!await handler.MayRecordPoliceNotificationsAsync(cancellationToken))
        {
            return Forbid();
        }

        Input.OccurredAt = clock.GetUtcNow().ToLondon().DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.RecordAsync(new PoliceNotificationCommand
        {
            PeopleInvolved = [personId],
            IncidentType = Input.IncidentType,
            OccurredAt = Input.OccurredAt is { } local ? Clock.FromLondon(local) : null,
            Risk = Input.Risk,
            Reference = Input.Reference,
            Concerns = Input.Concerns,
            Urgency = Input.Urgency,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, recorded => new PageDone(Notice(recorded), $"/people/{id}"),
            () => LoadAsync(personId, cancellationToken));
    }

    private static string Notice(RecordedContacts recorded)
    {
        var contacts = recorded.Contacts.Count;
        var schools = recorded.SchoolNotifications.Count;
        return $"Police notification recorded: {contacts} {(contacts == 1 ? "contact" : "contacts")} at the front door"
            + (schools > 0 ? $", {schools} Operation Encompass {(schools == 1 ? "notification" : "notifications")} to schools" : "");
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class NotificationInput
    {
        public IncidentType? IncidentType { get; set; }
        [Display(Name = "Date and time it happened")]
        public DateTime? OccurredAt { get; set; }
        public DashRisk? Risk { get; set; }
        public string? Reference { get; set; }
        public string? Concerns { get; set; }
        public Urgency? Urgency { get; set; }
    }
}
