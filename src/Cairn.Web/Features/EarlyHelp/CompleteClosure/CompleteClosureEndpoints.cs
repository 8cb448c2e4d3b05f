using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.CompleteClosure;

public sealed class CompleteClosureEndpoints : IEndpoints
{
    private const string Summary = "Completes a closure that awaited the front door check, once the front door contact is decided and signed "
                                   + "off (L18). Send the version you read; a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/early-help/{id:guid}/complete-closure", CompleteClosureAsync)
            .WithName("CompleteEarlyHelpClosure")
            .WithSummary(Summary)
            .WithTags("Early help");

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> CompleteClosureAsync(
        Guid id, CompleteClosureCommand command, CompleteClosureHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToApiResult();
}
