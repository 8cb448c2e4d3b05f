using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.EndPlan;

public sealed class EndPlanEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/end", EndAsync)
            .WithName("EndPlan")
            .WithSummary("Ends a plan with the date and why; its actions leave force. Ending a child protection plan makes the child a "
                         + "child in need when their legal status is still the plan's.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> EndAsync(Guid id,
        EndPlanCommand command, EndPlanHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), command, cancellationToken)).ToApiResult();
}
