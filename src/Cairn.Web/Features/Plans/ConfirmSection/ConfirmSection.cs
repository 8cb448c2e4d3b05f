using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.ConfirmSection;

public sealed record ConfirmSectionCommand(int? Version);

/// <summary>Confirms a carried section still holds, unchanged (L24): who and when are recorded on the section.</summary>
public sealed class ConfirmSectionHandler(PlanAccessHandler plans, CurrentUser user)
{
    public Task<Handled<ChangedPlan>> HandleAsync(PlanId id, Guid key, ConfirmSectionCommand command, CancellationToken cancellationToken) =>
        plans.ChangeAsync(id, "plan.section.confirm",
            (plan, now) => Task.FromResult(plan.ConfirmSection(key, user.ProfessionalId, command?.Version ?? 0, now)), cancellationToken);
}

public sealed class ConfirmSectionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/sections/{key:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmPlanSection")
            .WithSummary("Confirms a section carried over from an earlier version or another plan still holds unchanged; records who and when.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> ConfirmAsync(Guid id, Guid key,
        ConfirmSectionCommand command, ConfirmSectionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), key, command, cancellationToken)).ToApiResult();
}
