using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Features.FrontDoor.Triage;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor;

/// <summary>The front door's part of a child's page: their contacts and outcomes, and what the viewer may record.</summary>
public sealed record ChildFrontDoor(IReadOnlyList<PastContact> Contacts, bool MayRecordContact, bool MayRecordPoliceNotification);

public sealed class ChildContactsHandler(CairnDbContext db, CurrentUser user)
{
    /// <summary>Callers must already have checked that the viewer may open the child's record.</summary>
    public async Task<ChildFrontDoor> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ChildId == child).OrderByDescending(c => c.ReceivedAt).Take(10)
            .Select(c => new PastContact(c.Id, c.ReceivedAt, c.Source, c.Status, c.Level, c.Outcome)).ToListAsync(cancellationToken);
        var police = user.Has(Role.FrontDoor) || await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.Police, cancellationToken);
        return new ChildFrontDoor(contacts, user.Has(Role.FrontDoor), police);
    }
}
