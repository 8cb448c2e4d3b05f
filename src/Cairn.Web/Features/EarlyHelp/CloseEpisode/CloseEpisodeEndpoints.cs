using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.CloseEpisode;

public sealed class CloseEpisodeEndpoints : IEndpoints
{
    private const string Summary = "Closes the episode with a reason. Family disengaged or consent withdrawn while concerns remain (an active "
                                   + "alert, or chronology entries with causes for concern in the last 90 days) does not close it: a front door "
                                   + "contact is made and the episode awaits the front door check (L18). Asking again completes the closure once "
                                   + "that contact is decided and signed off, and is refused until then.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/early-help/{id:guid}/close", CloseAsync)
            .WithName("CloseEarlyHelpEpisode")
            .WithSummary(Summary)
            .WithTags("Early help");

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> CloseAsync(
        Guid id, CloseEpisodeCommand command, CloseEpisodeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToApiResult();
}
