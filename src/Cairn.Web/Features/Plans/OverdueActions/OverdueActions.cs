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

/// <summary>One page of overdue actions, oldest due date first, and how many there are in all.</summary>
public sealed record OverdueActionsPage(int Total, int Page, int PageSize, IReadOnlyList<OverdueAction> Items)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// "My overdue actions" (L23): the viewer's own actions in force, open and past their due date, and for a team manager those
/// owned by the workers of the teams they manage, oldest due date first, a page at a time. The count and the page are read from
/// the (OwnerId, InForce, Status, DueOn) index; names are looked up for the page only, and every child on the page is audited
/// as read. A manager of a large team sees how many there are in all and pages through them; nothing is left off.
/// </summary>
public sealed class OverdueActionsHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<OverdueActionsPage> HandleAsync(int page, CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var today = clock.Today();
        // The owners by index: me, and the members of the teams I manage (Teams by ManagerId, then Professionals by TeamId).
        // A correlated EXISTS per professional here made SQLite scan every professional.
        var myTeams = db.Teams.Where(t => t.ManagerId == me).Select(t => (TeamId?)t.Id);
        var owners = db.Professionals.Where(p => p.Id == me || myTeams.Contains(p.TeamId)).Select(p => p.Id);
        // "InForce = @inForce", not "InForce" alone: only then does SQLite seek (OwnerId, InForce, Status, DueOn) on every column
        // of the index; with the bare column it read every action of each owner (21,871 entries for 2,925 overdue, bench/README.md).
        var inForce = true;
        var overdue = db.PlanActions.AsNoTracking()
            .Where(a => owners.Contains(a.OwnerId) && a.InForce == inForce
                                                   && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress)
                                                   && a.DueOn < today);
        var total = await overdue.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page, 1, pages);
        var rows = await overdue.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Skip((number - 1) * PageSize).Take(PageSize)
            .Join(db.Professionals, a => a.OwnerId, p => p.Id, (a, p) => new { a, Owner = p.Name })
            .Join(db.People, x => x.a.ChildId, c => c.Id, (x, c) => new { x.a, x.Owner, c.GivenName, c.FamilyName })
            .Join(db.Plans, x => x.a.PlanId, p => p.Id, (x, p) => new OverdueAction(x.a.Id, x.a.PlanId, x.a.ChildId,
                x.GivenName + " " + x.FamilyName, p.Type, x.a.What, x.a.OwnerId, x.Owner, x.a.DueOn, x.a.Status, x.a.EscalationLevel,
                x.a.Version))
            .ToListAsync(cancellationToken);
        // One entry per child on the page, written in one statement on the end of the chain.
        await audit.RecordReadsAsync("plan-action.overdue.list", rows.Select(r => r.ChildId), null, cancellationToken);

        var items = rows.Select(r => r with { Mine = r.OwnerId == me }).OrderBy(r => r.DueOn).ThenBy(r => r.Owner, StringComparer.Ordinal).ToList();
        return new OverdueActionsPage(total, number, PageSize, items);
    }
}
