using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Admin.ChangeTeamManager;

/// <summary>
/// What an administrator sends to set or change a team's manager: who, why (at least 20 characters) and the version they read.
/// </summary>
public sealed record ChangeManagerCommand
{
    public ProfessionalId? ManagerId { get; init; }
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Sets or changes a team's manager, with a reason and the version read. Teams outside the administrator's area are not
/// found. Each change is audited by ids; the reason is kept in the team's history (<see cref="TeamManagerChange"/>).
/// </summary>
public sealed class ChangeTeamManagerHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock,
    TeamDetailsHandler teams)
{
    /// <summary>
    /// Sets or changes the team's manager. Not found when the team is not in the administrator's area; refused (nothing
    /// changed) for a stale version, a missing reason, or a manager who may not manage the team.
    /// </summary>
    public async Task<Handled<TeamDetails>> HandleAsync(TeamId id, ChangeManagerCommand command, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var team = await db.Teams
            .Where(t => t.Id == id && db.Agencies.Any(a => a.Id == t.AgencyId && a.AreaId == area))
            .SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return Handled.NotFound;
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
        // Another administrator's change saved first: nothing of this one is kept.
        if (await db.SaveOrConflictAsync(Team.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        db.ChangeTracker.Clear();
        return (await teams.ViewAsync(id, cancellationToken))!;
    }
}
