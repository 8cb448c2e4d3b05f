using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.ListEpisodes;

public sealed class ListEpisodesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/early-help", ListAsync)
            .WithName("ListEarlyHelpEpisodes")
            .WithSummary("The child's early help episodes, newest first, and whether you may start one.")
            .WithTags("Early help");

    private static async Task<Results<Ok<ChildEpisodes>, NotFound>> ListAsync(Guid id, ListEpisodesHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
