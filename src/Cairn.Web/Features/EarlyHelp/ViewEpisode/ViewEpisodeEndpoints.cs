using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.ViewEpisode;

public sealed class ViewEpisodeEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/early-help/{id:guid}", GetAsync)
            .WithName("GetEarlyHelpEpisode")
            .WithSummary("One early help episode: lead professional and how to reach them, consent, plan, status and history.")
            .WithTags("Early help");

    private static async Task<Results<Ok<EpisodeDetails>, NotFound>> GetAsync(Guid id, ViewEpisodeHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new EarlyHelpEpisodeId(id), cancellationToken) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
}
