using Cairn.Domain;
using Cairn.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>
/// A team's manager as the escalation ladders and notifications use it: only while their account is active. A leaver
/// who still manages a team on paper would otherwise be the only one told that a share, prompt or disagreement stage
/// in that team is overdue, and nobody would act (L01, L16); with no active manager the ladders' own fallbacks apply
/// (the front door managers, then the safeguarding leads).
/// </summary>
public static class TeamManagers
{
    /// <summary>Only the teams whose manager's account is active: the one filter every such query composes.</summary>
    public static IQueryable<Team> WithActiveManager(this IQueryable<Team> teams, CairnDbContext db) =>
        teams.Where(t => db.Professionals.Any(m => m.Id == t.ManagerId && m.IsActive));

    /// <summary>Each team with an active manager, and that manager.</summary>
    public static Task<Dictionary<TeamId, ProfessionalId>> ActiveAsync(CairnDbContext db, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().WithActiveManager(db).ToDictionaryAsync(t => t.Id, t => t.ManagerId!.Value, cancellationToken);
}
