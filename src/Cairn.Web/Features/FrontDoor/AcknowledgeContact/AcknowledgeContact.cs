using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.FrontDoor.AcknowledgeContact;

public sealed record AcknowledgeContactCommand
{
    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// The Emergency Duty Team acknowledges a contact it holds out of hours (L02): its acknowledgement clock stops, so neither
/// its manager nor the on-call senior manager is told.
/// </summary>
public sealed class AcknowledgeContactHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<TriageResult>> AcknowledgeAsync(ContactId id, AcknowledgeContactCommand command, CancellationToken cancellationToken)
    {
        if (await db.ContactToChangeAsync(access, id, cancellationToken) is not { } contact)
        {
            return Handled.NotFound;
        }

        return await AcknowledgeContactAsync(contact, command, cancellationToken)
            .AuditRefusalAsync(audit, "contact.edt-acknowledge", contact.ChildId, "contact", id.Value, cancellationToken);
    }

    private async Task<Handled<TriageResult>> AcknowledgeContactAsync(Contact contact, AcknowledgeContactCommand command,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (contact.AcknowledgeEmergencyDuty(user.ProfessionalId, user.Has(Role.EmergencyDuty), command.Version ?? -1, now) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.edt-acknowledge", contact.ChildId, "contact", contact.Id.Value);
        if (await db.SaveOrConflictAsync(Contact.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TriageResult(contact.Id, contact.Status, contact.Version, null, null);
    }
}

public sealed class AcknowledgeContactEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts/{id:guid}/emergency-duty/acknowledge", async (Guid id, AcknowledgeContactCommand command,
                AcknowledgeContactHandler handler, CancellationToken ct) =>
                (await handler.AcknowledgeAsync(new ContactId(id), command, ct)).ToApiResult())
            .WithName("AcknowledgeContactForEmergencyDuty")
            .WithSummary("The Emergency Duty Team acknowledges a contact it holds out of hours, stopping its acknowledgement clock. "
                + "Send the version you read; a stale one is 409; anyone not on the Emergency Duty Team is 403.")
            .WithTags("Front door");
}
