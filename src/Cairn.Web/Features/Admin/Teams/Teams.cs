using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.Teams;

/// <summary>What an administrator sends to set or change a team's manager: who, why (at least 20 characters) and the version they read.</summary>
public sealed record ChangeManagerCommand
{
    public ProfessionalId? ManagerId { get; init; }
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

/// <summary>A team in the list. <see cref="ManagerIsActive"/> is false for a manager whose account is deactivated: the team needs a new one.</summary>
public sealed record TeamRow(TeamId Id, string Agency, string Name, ProfessionalId? ManagerId, string? Manager, bool ManagerIsActive, int Members);

public sealed record TeamList(IReadOnlyList<TeamRow> Teams);

/// <summary>Someone who may manage the team: active, in its agency, with the team manager role.</summary>
public sealed record EligibleManager(ProfessionalId Id, string Name, string JobTitle);

public sealed record ManagerChangeRow(string? PreviousManager, string Manager, string ChangedBy, DateTimeOffset At, string Reason);

/// <summary>One team as an administrator sees it: its manager, who could manage it instead, and every change of manager.</summary>
public sealed record TeamDetails(
    TeamId Id,
    string Agency,
    string Name,
    ProfessionalId? ManagerId,
    string? Manager,
    bool ManagerIsActive,
    int Members,
    int Version,
    IReadOnlyList<EligibleManager> EligibleManagers,
    IReadOnlyList<ManagerChangeRow> History);

/// <summary>
/// Team administration: an administrator lists the area's teams and sets or changes a team's manager, with a reason
/// and the version they read. Teams outside the administrator's area are not found. Each change is audited by ids;
/// the reason is kept in the team's history (<see cref="TeamManagerChange"/>).
/// </summary>
public sealed class TeamsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
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
        return new TeamDetails(team.Id, found.Agency, team.Name, team.ManagerId, manager?.Name, manager?.IsActive == true, people.Count(p => p.TeamId == id),
            team.Version, eligible, history);
    }

    /// <summary>
    /// Sets or changes the team's manager. Null when the team is not in the administrator's area; a refusal (nothing
    /// changed) for a stale version, a missing reason, or a manager who may not manage the team.
    /// </summary>
    public async Task<Outcome<TeamDetails>?> ChangeManagerAsync(TeamId id, ChangeManagerCommand command, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var team = await db.Teams
            .Where(t => t.Id == id && db.Agencies.Any(a => a.Id == t.AgencyId && a.AreaId == area))
            .SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return null;
        }

        var manager = command.ManagerId is { } chosen
            ? await db.Professionals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == chosen, cancellationToken)
            : null;
        if (command.ManagerId is not null && manager is null)
        {
            return Refusal.Of("ManagerId", "Select the new manager from the list");
        }

        var changed = team.ChangeManager(manager, command.Reason, command.Version, user.ProfessionalId, clock.GetUtcNow());
        if (changed.Refusal is { } refusal)
        {
            return refusal;
        }

        var change = changed.Value!;
        db.TeamManagerChanges.Add(change);
        audit.Record("team.change-manager", null, "team", id.Value,
            detail: $"from={change.PreviousManagerId?.Value.ToString() ?? "none"};to={change.ManagerId.Value}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator's change was saved first: nothing of this one is kept.
            db.ChangeTracker.Clear();
            return Team.Stale;
        }

        db.ChangeTracker.Clear();
        return Outcome<TeamDetails>.Success((await ViewAsync(id, cancellationToken))!);
    }
}
