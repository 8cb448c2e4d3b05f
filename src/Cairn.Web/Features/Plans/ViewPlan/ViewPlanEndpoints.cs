using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.ViewPlan;

public sealed class ViewPlanEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id:guid}", GetAsync)
            .WithName("GetPlan")
            .WithSummary("One plan: the version in force and the draft, each section with its review state, outcomes with their actions "
                         + "(owner and agency, due date, status, overdue), the child's and family's views, every version, and the "
                         + "assessments it rests on with their currency.")
            .WithTags("Plans");

    private static async Task<Results<Ok<PlanDetails>, NotFound>> GetAsync(Guid id, ViewPlanHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PlanId(id), cancellationToken) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();
}
