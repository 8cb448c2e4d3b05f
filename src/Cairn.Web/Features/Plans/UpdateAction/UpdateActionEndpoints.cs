using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.UpdateAction;

public sealed class UpdateActionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/plan-actions/{id:guid}", UpdateAsync)
            .WithName("UpdatePlanAction")
            .WithSummary("Says where an action of a plan in force stands (not started, in progress, done, no longer needed with why), by "
                         + "its owner, the plan's lead or the owner's team manager (L23).")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedAction>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(Guid id,
        UpdateActionCommand command, UpdateActionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanActionId(id), command, cancellationToken)).ToApiResult();
}
