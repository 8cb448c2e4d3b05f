using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Compliance.ViewChildCompliance;

public sealed class ViewChildComplianceEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/compliance", GetAsync)
            .WithName("GetChildCompliance")
            .WithSummary("One child's open statutory steps (meetings, minutes, assessments, plan actions), oldest due date first, 25 a page "
                         + "(?page=N) with the total and counts by kind; 404 when you may not open the child's record.")
            .WithTags("Compliance");

    private static async Task<Results<Ok<CompliancePage>, ValidationProblem, ProblemHttpResult, NotFound>> GetAsync(Guid id,
        ViewChildComplianceHandler handler, CancellationToken cancellationToken, string? page = null) =>
        (await handler.StepsAsync(new PersonId(id), ComplianceStepsHandler.ParsePage(page), cancellationToken)).ToApiResult();
}
