using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares;

public sealed record AgencyChoice(AgencyId Id, string Name, IReadOnlyList<TeamChoice> Teams);

public sealed record TeamChoice(TeamId Id, string Name);

public sealed record ProfessionalChoice(ProfessionalId Id, string Name, string JobTitle, AgencyId AgencyId, string Agency);

/// <summary>The area's agencies with their teams, and its active professionals: whom a share can be sent or redirected to.</summary>
public sealed class RecipientChoices(CairnDbContext db, CurrentUser user)
{
    public async Task<(IReadOnlyList<AgencyChoice> Agencies, IReadOnlyList<ProfessionalChoice> Professionals)> LoadAsync(
        CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.AreaId == area)
            .Select(a => new { a.Id, a.Name })
            .ToListAsync(cancellationToken);
        var ids = agencies.Select(a => a.Id).ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.AgencyId))
            .Select(t => new { t.Id, t.AgencyId, t.Name })
            .ToListAsync(cancellationToken);
        var professionals = await db.Professionals.AsNoTracking().Where(p => p.IsActive && ids.Contains(p.AgencyId))
            .Select(p => new { p.Id, p.Name, p.JobTitle, p.AgencyId })
            .ToListAsync(cancellationToken);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var agencyChoices = agencies.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new AgencyChoice(a.Id, a.Name, teams.Where(t => t.AgencyId == a.Id)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new TeamChoice(t.Id, t.Name))
                .ToList()))
            .ToList();
        var professionalChoices = professionals.OrderBy(p => names[p.AgencyId], StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ProfessionalChoice(p.Id, p.Name, p.JobTitle, p.AgencyId, names[p.AgencyId]))
            .ToList();
        return (agencyChoices, professionalChoices);
    }
}
