using Cairn.Domain;
using Cairn.Web.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Missing.ListMissingEpisodes;

/// <summary>A child's missing episodes with their counts (L43). Null (404) when the viewer may not open the record; every read is audited.</summary>
public sealed class ListMissingEpisodesHandler(MissingAccessHandler missing, AuditLog audit)
{
    public async Task<ChildMissingEpisodes?> HandleAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await missing.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("missing-episode.list", child, null, cancellationToken);
        return await missing.EpisodesOfAsync(child, cancellationToken);
    }
}

public sealed class ListMissingEpisodesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/children/{id:guid}/missing-episodes", HandleAsync)
            .WithName("GetMissingEpisodes")
            .WithSummary("A child's missing episodes, newest first, with the number in the last 12 months, the one they are missing in now, "
                         + "each return home interview's due time, offer and outcome (T18), and each episode's version.")
            .WithTags("Missing episodes");

    private static async Task<Results<Ok<ChildMissingEpisodes>, NotFound>> HandleAsync(Guid id, ListMissingEpisodesHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
