using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Domain.People;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shared;

/// <summary>The name and active alerts shown at the top of every page about a child (L07).</summary>
public sealed record ChildBanner(PersonId Id, string Name, PersonKind Kind, DateOnly? DateOfBirth, IReadOnlyList<BannerAlert> Alerts);

public sealed record BannerAlert(AlertCategory Category, string Risk, string FromWhom, DateOnly ReviewBy);

public sealed class ChildBannerHandler(CairnDbContext db)
{
    /// <summary>Loads the banner. Callers must already have checked access to the person.</summary>
    public async Task<ChildBanner> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth }).SingleAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ChildId == id && a.Status == AlertStatus.Active)
            .OrderBy(a => a.RaisedOn).Select(a => new BannerAlert(a.Category, a.Risk, a.FromWhom, a.ReviewBy)).ToListAsync(cancellationToken);
        return new ChildBanner(id, $"{person.GivenName} {person.FamilyName}", person.Kind, person.DateOfBirth, alerts);
    }
}
