using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.UpdateAction;

public sealed record UpdateActionCommand
{
    public PlanActionStatus? Status { get; init; }
    public string? Note { get; init; }
    public int? Version { get; init; }
}

public sealed record ChangedAction(PlanActionId Id, PlanId PlanId, PlanActionStatus Status, int Version);

/// <summary>An action as the update form shows it.</summary>
public sealed record ActionToUpdate(PlanActionId Id, PlanId PlanId, PersonId ChildId, string What, string Owner, DateOnly DueOn,
    PlanActionStatus Status, string? Note, bool InForce, bool Overdue, bool MayUpdate, int Version);

/// <summary>
/// Says where an action of a plan in force stands (L23): by the action's owner, the plan's lead, or the manager of the owner's
/// team. Owners and their managers may do so for a child whose record they cannot otherwise open (the action is theirs); anyone
/// else must be able to open the child's record, and is then refused (403).
/// </summary>
public sealed class UpdateActionHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Refused = "Only the action's owner, the plan's lead or the owner's team manager can say where the action stands";

    public async Task<Handled<ChangedAction>> HandleAsync(PlanActionId id, UpdateActionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var row = await db.PlanActions.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.ChildId, a.OwnerId, a.PlanId }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Handled.NotFound;
        }

        var me = user.ProfessionalId;
        var isTheirs = row.OwnerId == me || (user.Has(Role.TeamManager) && await ManagesAsync(row.OwnerId, cancellationToken))
                       || await db.Plans.AnyAsync(p => p.Id == row.PlanId && p.LeadId == me, cancellationToken);
        if (!isTheirs && !(await access.OpenAsync(row.ChildId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await UpdateAsync(id, isTheirs, command, cancellationToken)
            .AuditRefusalAsync(audit, "plan-action.update", row.ChildId, "plan-action", id.Value, cancellationToken);
    }

    /// <summary>Reads an action for its update form, with the same reach as an update; the read is audited.</summary>
    public async Task<ActionToUpdate?> ReadAsync(PlanActionId id, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var me = user.ProfessionalId;
        var isTheirs = action.OwnerId == me || (user.Has(Role.TeamManager) && await ManagesAsync(action.OwnerId, cancellationToken))
                       || await db.Plans.AnyAsync(p => p.Id == action.PlanId && p.LeadId == me, cancellationToken);
        if (!isTheirs && !(await access.OpenAsync(action.ChildId, cancellationToken)).Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("plan-action.view", action.ChildId, isTheirs ? "action-owner" : "record-access", cancellationToken);
        var owner = await db.Professionals.Where(p => p.Id == action.OwnerId).Select(p => p.Name).SingleAsync(cancellationToken);
        return new ActionToUpdate(action.Id, action.PlanId, action.ChildId, action.What, owner, action.DueOn, action.Status, action.Note,
            action.InForce, action.IsOverdue(clock.Today()), isTheirs && action.InForce, action.Version);
    }

    /// <summary>Whether the viewer manages the team the owner works in.</summary>
    public Task<bool> ManagesAsync(ProfessionalId owner, CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        return db.Professionals.AnyAsync(p => p.Id == owner && p.TeamId != null && db.Teams.Any(t => t.Id == p.TeamId && t.ManagerId == me),
            cancellationToken);
    }

    private async Task<Handled<ChangedAction>> UpdateAsync(PlanActionId id, bool isTheirs, UpdateActionCommand command,
        CancellationToken cancellationToken)
    {
        if (!isTheirs)
        {
            return Refusal.NotAllowed("Status", Refused);
        }

        var action = await db.PlanActions.SingleAsync(a => a.Id == id, cancellationToken);
        if (action.Update(command.Status, command.Note, command.Version ?? 0, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("plan-action.update", action.ChildId, "plan-action", id.Value, detail: action.Status.ToString());
        return await db.SaveOrConflictAsync(PlanAction.Stale, cancellationToken) is { } conflict
            ? conflict
            : new ChangedAction(action.Id, action.PlanId, action.Status, action.Version);
    }
}
