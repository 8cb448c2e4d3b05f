using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.StartPlan;

public sealed class StartPlanEndpoints : IEndpoints
{
    private const string Summary = "Starts a plan for a child (child in need, child protection with its category, care, early help, placement, "
                                   + "pathway) with its lead, written fresh from sections (outcomes with actions that each have an owner and a "
                                   + "due date, the child's view, the family's view, the contingency) or made from another plan of the child or "
                                   + "of a sibling (SourcePlanId), every section carried over marked not reviewed (L24).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/plans", StartAsync)
            .WithName("StartPlan")
            .WithSummary(Summary)
            .WithTags("Plans");

    private static async Task<Results<Created<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> StartAsync(
        Guid id, StartPlanCommand command, StartPlanHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(p => $"/api/v1/plans/{p.Id.Value}");
}
