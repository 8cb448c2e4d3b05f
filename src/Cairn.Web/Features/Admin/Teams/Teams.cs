using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Teams;

/// <summary>
/// A team in the list. <see cref="ManagerIsActive"/> is false for a manager whose account is deactivated: the team needs a new one.
/// </summary>
public sealed record TeamRow(TeamId Id, string Agency, string Name, ProfessionalId? ManagerId, string? Manager, bool ManagerIsActive, int Members);

public sealed record TeamList(IReadOnlyList<TeamRow> Teams);

/// <summary>
/// The area's teams as an administrator lists them. One team's page reads through <see cref="TeamDetailsHandler"/>;
/// setting or changing its manager is the ChangeTeamManager slice.
/// </summary>
public sealed class ListTeamsHandler(CairnDbContext db, CurrentUser user)
{
    public async Task<TeamList> ListAsync(CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var rows = await (
                from t in db.Teams.AsNoTracking()
                join agency in db.Agencies on t.AgencyId equals agency.Id
                where agency.AreaId == area
                from manager in db.Professionals.Where(p => p.Id == t.ManagerId).DefaultIfEmpty()
                select new TeamRow(t.Id, agency.Name, t.Name, t.ManagerId, manager == null ? null : manager.Name, manager != null && manager.IsActive,
                    db.Professionals.Count(p => p.TeamId == t.Id && p.IsActive)))
            .ToListAsync(cancellationToken);
        return new TeamList(rows.OrderBy(t => t.Agency, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList());
    }
}
