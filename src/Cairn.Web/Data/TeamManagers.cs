using Cairn.Domain;
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
    /// <summary>Each team with an active manager, and that manager.</summary>
    public static Task<Dictionary<TeamId, ProfessionalId>> ActiveAsync(CairnDbContext db, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking()
            .Join(db.Professionals.Where(p => p.IsActive), t => t.ManagerId, p => (ProfessionalId?)p.Id, (t, p) => new { t.Id, Manager = p.Id })
            .ToDictionaryAsync(t => t.Id, t => t.Manager, cancellationToken);
}
