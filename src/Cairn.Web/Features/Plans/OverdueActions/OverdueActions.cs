using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.OverdueActions;

public sealed record OverdueAction(PlanActionId Id, PlanId PlanId, PersonId ChildId, string Child, PlanType PlanType, string What,
    ProfessionalId OwnerId, string Owner, DateOnly DueOn, PlanActionStatus Status, int EscalationLevel, int Version)
{
    public bool Mine { get; init; }
}

/// <summary>
/// "My overdue actions" (L23): the viewer's own actions in force, open and past their due date, and for a team manager those
/// owned by the workers of the teams they manage. One query, read from the (OwnerId, InForce, Status, DueOn) index; every child
/// listed is audited as read.
/// </summary>
public sealed class OverdueActionsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<OverdueAction>> HandleAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var today = clock.Today();
        var owners = db.Professionals
            .Where(p => p.Id == me || (p.TeamId != null && db.Teams.Any(t => t.Id == p.TeamId && t.ManagerId == me)))
            .Select(p => p.Id);
        var rows = await db.PlanActions.AsNoTracking()
            .Where(a => owners.Contains(a.OwnerId) && a.InForce
                                                   && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress)
                                                   && a.DueOn < today)
            .Join(db.Professionals, a => a.OwnerId, p => p.Id, (a, p) => new { a, Owner = p.Name })
            .Join(db.People, x => x.a.ChildId, c => c.Id, (x, c) => new { x.a, x.Owner, c.GivenName, c.FamilyName })
            .Join(db.Plans, x => x.a.PlanId, p => p.Id, (x, p) => new OverdueAction(x.a.Id, x.a.PlanId, x.a.ChildId,
                x.GivenName + " " + x.FamilyName, p.Type, x.a.What, x.a.OwnerId, x.Owner, x.a.DueOn, x.a.Status, x.a.EscalationLevel,
                x.a.Version))
            .ToListAsync(cancellationToken);
        foreach (var child in rows.Select(r => r.ChildId).Distinct())
        {
            audit.Record("plan-action.overdue.list", child, "person", child.Value, "allowed");
        }

        if (rows.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return rows.Select(r => r with { Mine = r.OwnerId == me }).OrderBy(r => r.DueOn).ThenBy(r => r.Owner, StringComparer.Ordinal).ToList();
    }
}
