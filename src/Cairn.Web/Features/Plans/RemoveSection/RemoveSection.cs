using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.RemoveSection;

public sealed record RemoveSectionCommand(int? Version);

/// <summary>Takes a section out of the plan being drafted (L24: the comparison with the version before shows it removed).</summary>
public sealed class RemoveSectionHandler(PlanAccessHandler plans)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, Guid key, RemoveSectionCommand command, CancellationToken cancellationToken) =>
        plans.ChangeAsync(id, "plan.section.remove", (plan, _) => Task.FromResult(plan.RemoveSection(key, command?.Version ?? 0)),
            cancellationToken);
}

public sealed class RemoveSectionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/sections/{key:guid}/remove", RemoveAsync)
            .WithName("RemovePlanSection")
            .WithSummary("Takes a section out of the plan being drafted.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> RemoveAsync(Guid id, Guid key,
        RemoveSectionCommand command, RemoveSectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), key, command, cancellationToken)).ToApiResult();
}
