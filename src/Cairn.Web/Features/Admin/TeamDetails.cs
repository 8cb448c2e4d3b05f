using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin;

/// <summary>Someone who may manage the team: active, in its agency, with the team manager role.</summary>
public sealed record EligibleManager(ProfessionalId Id, string Name, string JobTitle);

public sealed record ManagerChangeRow(string? PreviousManager, string Manager, string ChangedBy, DateTimeOffset At, string Reason);

/// <summary>One team as an administrator sees it: its manager, who could manage it instead, and every change of manager.</summary>
public sealed record TeamDetails
{
    public required TeamId Id { get; init; }
    public required string Agency { get; init; }
    public required string Name { get; init; }
    public ProfessionalId? ManagerId { get; init; }
    public string? Manager { get; init; }
    public required bool ManagerIsActive { get; init; }
    public required int Members { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<EligibleManager> EligibleManagers { get; init; }
    public required IReadOnlyList<ManagerChangeRow> History { get; init; }
}

/// <summary>
/// One team in the administrator's area as its page and the API show it; teams outside the area are not found. Read by
/// the team's page and by a change of manager, which answers with the team as it is now.
/// </summary>
public sealed class TeamDetailsHandler(CairnDbContext db, CurrentUser user)
{
    /// <summary>The team, or null when there is no such team in the administrator's area.</summary>
    public async Task<TeamDetails?> ViewAsync(TeamId id, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var found = await (
                from t in db.Teams.AsNoTracking()
                join agency in db.Agencies on t.AgencyId equals agency.Id
                where t.Id == id && agency.AreaId == area
                select new { Team = t, Agency = agency.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var team = found.Team;
        // The team manager role is a flag: filtered here, over one agency's active professionals, rather than in SQL.
        var people = await db.Professionals.AsNoTracking()
            .Where(p => p.IsActive && p.AgencyId == team.AgencyId)
            .Select(p => new { p.Id, p.Name, p.JobTitle, p.Roles, p.TeamId, p.AgencyId })
            .ToListAsync(cancellationToken);
        var manager = team.ManagerId is { } m
            ? await db.Professionals.Where(p => p.Id == m).Select(p => new { p.Name, p.IsActive }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var names = db.Professionals.Select(p => new { p.Id, p.Name });
        var history = await (
                from c in db.TeamManagerChanges.AsNoTracking()
                where c.TeamId == id
                join to in names on c.ManagerId equals to.Id
                join changer in names on c.ChangedBy equals changer.Id
                from previous in names.Where(p => p.Id == c.PreviousManagerId).DefaultIfEmpty()
                orderby c.Id descending
                select new ManagerChangeRow(previous == null ? null : previous.Name, to.Name, changer.Name, c.At, c.Reason))
            .ToListAsync(cancellationToken);
        var eligible = people
            .Where(p => p.AgencyId == team.AgencyId && p.Id != team.ManagerId && p.Roles.HasFlag(Role.TeamManager))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new EligibleManager(p.Id, p.Name, p.JobTitle))
            .ToList();
        var members = people.Count(p => p.TeamId == id);
        return new TeamDetails
        {
            Id = team.Id,
            Agency = found.Agency,
            Name = team.Name,
            ManagerId = team.ManagerId,
            Manager = manager?.Name,
            ManagerIsActive = manager?.IsActive == true,
            Members = members,
            Version = team.Version,
            EligibleManagers = eligible,
            History = history,
        };
    }
}
