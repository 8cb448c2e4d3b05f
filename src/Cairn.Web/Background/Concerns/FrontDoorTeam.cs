using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background.Concerns;

/// <summary>An area's front door team, and the front door managers who hear of prompts sent to it.</summary>
public sealed record FrontDoorTeam(TeamId? Team, IReadOnlyList<ProfessionalId> Managers)
{
    /// <summary>
    /// The team named in configuration (<c>Cairn:Concerns:FrontDoorTeam</c>), otherwise the team whose manager works at
    /// the front door; the managers are the area's active professionals who are both front door and team managers.
    /// One lookup for the concern evaluator and the prompt pages, so a prompt goes where it can be passed back to.
    /// </summary>
    public static async Task<FrontDoorTeam> OfAreaAsync(CairnDbContext db, IConfiguration configuration, AreaId area,
        CancellationToken cancellationToken)
    {
        var agencies = db.Agencies.Where(a => a.AreaId == area);
        var teams = await db.Teams.AsNoTracking().Join(agencies, t => t.AgencyId, a => a.Id, (t, a) => t)
            .Select(t => new { t.Id, t.Name, t.ManagerId }).ToListAsync(cancellationToken);
        var frontDoorPeople = await db.Professionals.AsNoTracking().Where(p => p.IsActive && ((int)p.Roles & (int)Role.FrontDoor) != 0)
            .Join(agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Roles }).ToListAsync(cancellationToken);
        var named = configuration["Cairn:Concerns:FrontDoorTeam"];
        var team = (named is { Length: > 0 } ? teams.FirstOrDefault(t => string.Equals(t.Name, named, StringComparison.OrdinalIgnoreCase)) : null)
            ?? teams.FirstOrDefault(t => t.ManagerId is { } m && frontDoorPeople.Any(p => p.Id == m));
        return new FrontDoorTeam(team?.Id, frontDoorPeople.Where(p => (p.Roles & Role.TeamManager) != 0).Select(p => p.Id).ToList());
    }
}
