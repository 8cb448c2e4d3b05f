using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.SaveSection;

public sealed class SaveSectionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/plans/{id:guid}/sections", AddAsync)
            .WithName("AddPlanSection")
            .WithSummary("Adds a section to the plan being drafted: an outcome with its actions (what, owner, due date, status; an action "
                         + "with no owner or no due date is refused, L23), the child's view, the family's view or the contingency.")
            .WithTags("Plans");
        api.MapPut("/plans/{id:guid}/sections/{key:guid}", ChangeAsync)
            .WithName("ChangePlanSection")
            .WithSummary("Changes a section of the plan being drafted; a carried section that is changed counts as reviewed (L24).")
            .WithTags("Plans");
    }

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(Guid id,
        SaveSectionCommand command, SaveSectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), null, command, cancellationToken)).ToApiResult();

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(Guid id, Guid key,
        SaveSectionCommand command, SaveSectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), key, command, cancellationToken)).ToApiResult();
}
