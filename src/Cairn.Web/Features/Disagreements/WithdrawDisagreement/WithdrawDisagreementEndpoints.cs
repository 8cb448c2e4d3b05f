using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.WithdrawDisagreement;

public sealed class WithdrawDisagreementEndpoints : IEndpoints
{
    private const string Summary = "The professional who raised it withdraws it, with why. Anyone else is 403. Send the version you read; "
                                   + "a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disagreements/{id:guid}/withdraw", WithdrawAsync)
            .WithName("WithdrawDisagreement")
            .WithSummary(Summary)
            .WithTags("Disagreements");

    private static async Task<Results<Ok<ChangedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> WithdrawAsync(
        Guid id, WithdrawDisagreementCommand command, WithdrawDisagreementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new DisagreementId(id), command, cancellationToken)).ToApiResult();
}
