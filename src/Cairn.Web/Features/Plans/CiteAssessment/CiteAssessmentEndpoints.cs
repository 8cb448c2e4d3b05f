using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Plans.CiteAssessment;

public sealed class CiteAssessmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/evidence", CiteAsync)
            .WithName("CitePlanEvidence")
            .WithSummary("Records that the plan rests on one of the child's authorised assessments (L25, L27). An assessment past its "
                         + "currency period needs a note saying why it is still relied on, and is flagged on the plan.")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> CiteAsync(Guid id,
        CiteAssessmentCommand command, CiteAssessmentHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), command, cancellationToken)).ToApiResult();
}
