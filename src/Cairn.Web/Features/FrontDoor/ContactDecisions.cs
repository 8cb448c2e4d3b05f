using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>Where a contact stands after a decision, a sign-off or a return.</summary>
public sealed record TriageResult(
    ContactId Id,
    ContactStatus Status,
    int Version,
    StrategyDiscussionId? StrategyDiscussionId,
    string? LegalStatusNote);

/// <summary>What the steps of triage (decide, sign off, return) share.</summary>
public static class ContactDecisions
{
    /// <summary>The contact, tracked for a change, with its history.</summary>
    /// <returns>Null when the contact does not exist or the caller may not open the child's record.</returns>
    public static async Task<Contact?> ContactToChangeAsync(this CairnDbContext db, RecordAccessService access, ContactId id,
        CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contact is not null && (await access.OpenAsync(contact.ChildId, cancellationToken)).Allowed ? contact : null;
    }
}
