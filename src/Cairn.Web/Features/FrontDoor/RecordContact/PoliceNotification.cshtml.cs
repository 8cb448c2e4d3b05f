using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.FrontDoor.RecordContact;

[Authorize(Policy = Policies.Professional)]
public sealed class PoliceNotificationModel(RecordContactHandler handler, RecordAccessService access, ChildBannerHandler banner, TimeProvider clock) : PageModel
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

        var outcome = await handler.RecordPoliceNotificationAsync(new PoliceNotificationCommand
        {
            PeopleInvolved = [personId],
            IncidentType = Input.IncidentType,
            OccurredAt = Input.OccurredAt is { } local ? Clock.FromLondon(local) : null,
            Risk = Input.Risk,
            Reference = Input.Reference,
            Concerns = Input.Concerns,
        }, cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var recorded = result.Value!;
        TempData["Notice"] = $"Police notification recorded: {recorded.Contacts.Count} {(recorded.Contacts.Count == 1 ? "contact" : "contacts")} at the front door" +
            (recorded.SchoolNotifications.Count > 0 ? $", {recorded.SchoolNotifications.Count} Operation Encompass {(recorded.SchoolNotifications.Count == 1 ? "notification" : "notifications")} to schools" : "");
        return Redirect($"/people/{id}");
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
        public DateTime? OccurredAt { get; set; }
        public DashRisk? Risk { get; set; }
        public string? Reference { get; set; }
        public string? Concerns { get; set; }
    }
}
