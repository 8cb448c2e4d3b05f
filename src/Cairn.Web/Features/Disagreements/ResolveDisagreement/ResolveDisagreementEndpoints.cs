using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.ResolveDisagreement;

public sealed class ResolveDisagreementEndpoints : IEndpoints
{
    private const string Summary = "The current stage's owner records what was agreed (at stage 3, the final decision), closing the "
                                   + "disagreement. Anyone else is 403. Send the version you read; a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disagreements/{id:guid}/resolve", ResolveAsync)
            .WithName("ResolveDisagreement")
            .WithSummary(Summary)
            .WithTags("Disagreements");

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> ResolveAsync(
        Guid id, ResolveDisagreementCommand command, ResolveDisagreementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new DisagreementId(id), command, cancellationToken)).ToApiResult();
}
