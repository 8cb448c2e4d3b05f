using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.PassToFrontDoor;

public sealed record PassToFrontDoorCommand
{
    /// <summary>Immediate protective action the Emergency Duty Team took (police protection, a child placed safely), if any.</summary>
    [StringLength(Contact.MaxEmergencyDutyTextLength)]
    public string? ProtectiveAction { get; init; }

    /// <summary>What the Emergency Duty Team found and what the front door needs to know: required.</summary>
    [StringLength(Contact.MaxEmergencyDutyTextLength)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// The Emergency Duty Team passes a contact it holds to the day front door (L02), with what it found and any immediate
/// protective action it took; the front door managers are told, so it is the first thing the front door sees.
/// </summary>
public sealed class PassToFrontDoorHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WorkingCalendarSource calendars)
{
    /// <returns>Not found when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<TriageResult>> PassAsync(ContactId id, PassToFrontDoorCommand command, CancellationToken cancellationToken)
    {
        if (await db.ContactToChangeAsync(access, id, cancellationToken) is not { } contact)
        {
            return Handled.NotFound;
        }

        return await PassContactAsync(contact, command, cancellationToken)
            .AuditRefusalAsync(audit, "contact.edt-pass", contact.ChildId, "contact", id.Value, cancellationToken);
    }

    private async Task<Handled<TriageResult>> PassContactAsync(Contact contact, PassToFrontDoorCommand command, CancellationToken cancellationToken)
    {
        var id = contact.Id;
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken);
        if (contact.PassToFrontDoor(user.ProfessionalId, user.Has(Role.EmergencyDuty), command.ProtectiveAction, command.Note,
                command.Version ?? -1, now, calendar) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.edt-pass", contact.ChildId, "contact", id.Value);
        var managers = await db.Professionals.AsNoTracking()
            .Where(p => p.IsActive && (p.Roles & (Role.FrontDoor | Role.TeamManager)) == (Role.FrontDoor | Role.TeamManager))
            .Where(p => db.Agencies.Any(a => a.Id == p.AgencyId && a.AreaId == contact.AreaId))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var what = string.IsNullOrWhiteSpace(command.ProtectiveAction) ? "with a note" : "after immediate protective action";
        foreach (var manager in managers)
        {
            db.Notifications.Add(Notification.To(manager, "contact.edt-passed", $"The Emergency Duty Team passed a contact to the front door {what}",
                $"/contacts/{id.Value}", now));
        }

        if (await db.SaveOrConflictAsync(Contact.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TriageResult(contact.Id, contact.Status, contact.Version, null, null);
    }
}

public sealed class PassToFrontDoorEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts/{id:guid}/emergency-duty/pass", async (Guid id, PassToFrontDoorCommand command, PassToFrontDoorHandler handler,
                CancellationToken ct) => (await handler.PassAsync(new ContactId(id), command, ct)).ToApiResult())
            .WithName("PassContactToFrontDoor")
            .WithSummary("The Emergency Duty Team passes a contact it holds to the day front door, with a note (required) and any "
                + "immediate protective action it took. Stale version 409; not on the Emergency Duty Team 403.")
            .WithTags("Front door");
}
