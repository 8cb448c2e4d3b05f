using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>One of a child's contacts at the front door, and what came of it.</summary>
public sealed record PastContact(
    ContactId Id,
    DateTimeOffset ReceivedAt,
    ContactSource Source,
    ContactStatus Status,
    ThresholdLevel? Level,
    TriageOutcome? Outcome);

/// <summary>The front door's part of a child's page: their contacts and outcomes, and what the viewer may record.</summary>
public sealed record ChildFrontDoor(IReadOnlyList<PastContact> Contacts, bool MayRecordContact, bool MayRecordPoliceNotification);

public sealed class ChildContactsHandler(CairnDbContext db, CurrentUser user)
{
    /// <summary>Callers must already have checked that the viewer may open the child's record.</summary>
    public async Task<ChildFrontDoor> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.ChildId == child)
            .OrderByDescending(c => c.ReceivedAt)
            .Take(10)
            .Select(c => new PastContact(c.Id, c.ReceivedAt, c.Source, c.Status, c.Level, c.Outcome))
            .ToListAsync(cancellationToken);
        var police = await db.MayRecordPoliceNotificationsAsync(user, cancellationToken);
        return new ChildFrontDoor(contacts, user.MayRecordContacts(), police);
    }
}
