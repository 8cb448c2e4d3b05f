using Cairn.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>An active professional of an area, as a list to choose someone from shows them.</summary>
public sealed record AreaProfessional(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>The area's active professionals by name: whom a plan action, a notice or a role can be given to.</summary>
public static class AreaProfessionals
{
    public static async Task<IReadOnlyList<AreaProfessional>> ActiveAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Professionals.AsNoTracking().Where(p => p.IsActive)
                .Join(db.Agencies.Where(a => a.AreaId == area), p => p.AgencyId, a => a.Id,
                    (p, a) => new AreaProfessional(p.Id, p.Name, p.JobTitle, a.Name))
                .ToListAsync(cancellationToken))
            .OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
    }
}
