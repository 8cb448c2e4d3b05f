using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.FrontDoor.ReturnDecision;

public sealed record ReturnDecisionCommand
{
    /// <summary>Why the decision goes back: required (the domain says so), and kept in the contact's history.</summary>
    [StringLength(4000)]
    public string? Note { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>A front door manager sends a decision back to the front door with a reason; it stays in the history.</summary>
public sealed class ReturnDecisionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the contact does not exist or the caller may not open the child's record.</returns>
    public async Task<Handled<TriageResult>> ReturnAsync(ContactId id, ReturnDecisionCommand command, CancellationToken cancellationToken)
    {
        if (await db.ContactToChangeAsync(access, id, cancellationToken) is not { } contact)
        {
            return Handled.NotFound;
        }

        return await ReturnContactAsync(contact, command, cancellationToken).AuditRefusalAsync(audit, "contact.return", contact.ChildId, "contact",
            id.Value, cancellationToken);
    }

    private async Task<Handled<TriageResult>> ReturnContactAsync(Contact contact, ReturnDecisionCommand command, CancellationToken cancellationToken)
    {
        if (contact.Return(user.ProfessionalId, user.MaySignOff(), command.Note, command.Version ?? -1, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("contact.return", contact.ChildId, "contact", contact.Id.Value);
        if (await db.SaveOrConflictAsync(Contact.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TriageResult(contact.Id, contact.Status, contact.Version, null, null);
    }
}
