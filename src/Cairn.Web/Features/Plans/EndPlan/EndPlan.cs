using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.EndPlan;

public sealed record EndPlanCommand
{
    public DateOnly? EndedOn { get; init; }
    public string? Reason { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Ends a plan with the date and the reason: its actions leave force (no more escalation), a draft being written is dropped, and
/// a child still recorded as on a child protection plan becomes a child in need.
/// </summary>
public sealed class EndPlanHandler(CairnDbContext db, PlanAccessHandler plans)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, EndPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return plans.ChangeAsync(id, "plan.end", async (plan, now) =>
        {
            if (plan.End(command.EndedOn, command.Reason, command.Version ?? 0, now) is { } refused)
            {
                return refused;
            }

            PlanAction.EndAll(await db.PlanActions.Where(a => a.PlanId == id).ToListAsync(cancellationToken));
            if (plan.Type == PlanType.ChildProtection && plan.StartedOn is not null)
            {
                await plans.RecordPlanEndedStatusAsync(plan, command.EndedOn!.Value, now, cancellationToken);
            }

            return null;
        }, cancellationToken);
    }
}
