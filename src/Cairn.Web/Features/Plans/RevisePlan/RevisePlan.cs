using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.RevisePlan;

public sealed record RevisePlanCommand(int? Version);

/// <summary>
/// Starts a new version of an agreed plan (L24): a draft carrying every section over marked not reviewed, each action with its
/// status as it stands now on the live action.
/// </summary>
public sealed class RevisePlanHandler(CairnDbContext db, PlanAccessHandler plans, CurrentUser user)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, RevisePlanCommand command, CancellationToken cancellationToken) =>
        plans.ChangeAsync(id, "plan.revise", async (plan, now) =>
        {
            var live = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == id && a.InForce)
                .ToDictionaryAsync(a => a.Key, a => a.Status, cancellationToken);
            return plan.Revise(key => live.TryGetValue(key, out var s) ? s : null, user.ProfessionalId, command?.Version ?? 0, now);
        }, cancellationToken);
}

public sealed class RevisePlanEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/revise", ReviseAsync)
            .WithName("RevisePlan")
            .WithSummary("Starts a new version of an agreed plan: every section carried over marked not reviewed, actions with their live status.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> ReviseAsync(Guid id,
        RevisePlanCommand command, RevisePlanHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), command, cancellationToken)).ToApiResult();
}
