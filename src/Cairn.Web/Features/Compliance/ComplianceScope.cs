using System.Linq.Expressions;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Cairn.Web.Features.Compliance;

/// <summary>Whose statutory steps a compliance view covers.</summary>
public enum ComplianceReach
{
    /// <summary>Steps the viewer owns (a meeting's owner, an assessment's lead, an action's owner).</summary>
    Own = 1,
    /// <summary>Steps about the children of one or more teams (a current involvement by a team member), and the viewer's own.</summary>
    Team = 2,
    /// <summary>Every child in the area.</summary>
    Area = 3,
    /// <summary>One child.</summary>
    Child = 4,
}

/// <summary>
/// Which steps a viewer sees, as a test over a step's child and owner that EF Core translates (L16). Safeguarding leads and heads of
/// service see the area (a head of service is the top of the escalation ladder for overdue steps, so sees what climbs to them);
/// a team manager sees the children of the teams they manage (the children they may open through their workers) and their own
/// steps; anyone else sees the steps they own. A team's page is for area viewers (any team in their area) and the team's manager.
/// </summary>
public sealed record ComplianceScope(ComplianceReach Reach, string Name, Expression<Func<PersonId, ProfessionalId, bool>> Test)
{
    /// <summary>Whether the viewer sees the area's compliance list.</summary>
    public static bool SeesArea(CurrentUser user) => user.Has(Role.SafeguardingLead) || user.Has(Role.HeadOfService);

    /// <summary>A predicate over a step: its child and owner taken by <paramref name="child"/> and <paramref name="owner"/>.</summary>
    public Expression<Func<T, bool>> Over<T>(Expression<Func<T, PersonId>> child, Expression<Func<T, ProfessionalId>> owner)
    {
        var parameter = child.Parameters[0];
        var ownerBody = ReplacingExpressionVisitor.Replace(owner.Parameters[0], parameter, owner.Body);
        var body = ReplacingExpressionVisitor.Replace(Test.Parameters[0], child.Body, Test.Body);
        body = ReplacingExpressionVisitor.Replace(Test.Parameters[1], ownerBody, body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }
}

/// <summary>Decides the viewer's compliance scope: the whole view, one team's, or one child's.</summary>
public sealed class ComplianceScopeHandler(CairnDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>The viewer's own compliance view (<c>/compliance</c>): the area, their teams' children, or their own steps.</summary>
    public async Task<ComplianceScope> ForViewerAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        if (ComplianceScope.SeesArea(user))
        {
            var area = user.AreaId;
            // With one area in the database every child is in it: no look-up per step (at 100,000 children, most of the list's time).
            if (await db.Areas.CountAsync(cancellationToken) == 1)
            {
                return new ComplianceScope(ComplianceReach.Area, "the area", (_, _) => true);
            }

            return new ComplianceScope(ComplianceReach.Area, "the area", (c, _) => db.People.Any(p => p.Id == c && p.AreaId == area));
        }

        var teams = user.Has(Role.TeamManager)
            ? await db.Teams.AsNoTracking().Where(t => t.ManagerId == me).Select(t => t.Id).ToListAsync(cancellationToken)
            : [];
        if (teams.Count > 0)
        {
            var children = TeamChildren(teams);
            return new ComplianceScope(ComplianceReach.Team, "your teams", (c, o) => o == me || children.Contains(c));
        }

        return new ComplianceScope(ComplianceReach.Own, "your own", (_, o) => o == me);
    }

    /// <summary>One team's view: null when there is no such team in the viewer's area or it is not theirs to see.</summary>
    public async Task<(ComplianceScope Scope, string TeamName)?> ForTeamAsync(TeamId id, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t.Name, t.ManagerId, a.AreaId })
            .FirstOrDefaultAsync(cancellationToken);
        if (team is null || team.AreaId != user.AreaId
                         || !(ComplianceScope.SeesArea(user) || (user.Has(Role.TeamManager) && team.ManagerId == user.ProfessionalId)))
        {
            return null;
        }

        var children = TeamChildren([id]);
        return (new ComplianceScope(ComplianceReach.Team, team.Name, (c, _) => children.Contains(c)), team.Name);
    }

    /// <summary>One child's steps (the caller has checked the record may be opened).</summary>
    public static ComplianceScope ForChild(PersonId child) => new(ComplianceReach.Child, "this child", (c, _) => c == child);

    /// <summary>The teams the viewer may filter the area's list by: every team in the area, or the teams they manage.</summary>
    public async Task<IReadOnlyList<(TeamId Id, string Name)>> TeamsAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var area = user.AreaId;
        var all = ComplianceScope.SeesArea(user);
        var teams = await db.Teams.AsNoTracking()
            .Where(t => all ? db.Agencies.Any(a => a.Id == t.AgencyId && a.AreaId == area) : t.ManagerId == me)
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Id, t.Name)).ToList();
    }

    /// <summary>Children with a current involvement by a member of one of the teams (as a subquery, never a list of ids).</summary>
    private IQueryable<PersonId> TeamChildren(List<TeamId> teams)
    {
        var today = clock.Today();
        return db.Involvements.Where(i => i.StartedOn <= today && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.Professionals.Where(p => p.TeamId != null && teams.Contains(p.TeamId.Value)), i => i.ProfessionalId, p => p.Id,
                (i, _) => i.ChildId);
    }
}
