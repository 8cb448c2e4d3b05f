using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.EscalateDisagreement;

public sealed class EscalateDisagreementEndpoints : IEndpoints
{
    private const string Summary = "The current stage's owner sends it up a stage, with why and the next owner (someone who has not owned a "
                                   + "stage and did not raise it). Not possible from stage 3. Anyone else is 403. Send the version you read; "
                                   + "a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disagreements/{id:guid}/escalate", EscalateAsync)
            .WithName("EscalateDisagreement")
            .WithSummary(Summary)
            .WithTags("Disagreements");

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> EscalateAsync(
        Guid id, EscalateDisagreementCommand command, EscalateDisagreementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new DisagreementId(id), command, cancellationToken)).ToApiResult();
}
