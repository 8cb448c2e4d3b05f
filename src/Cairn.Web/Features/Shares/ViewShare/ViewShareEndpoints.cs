using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.ViewShare;

public sealed class ViewShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/shares/{id:guid}", GetAsync)
            .WithName("GetShare")
            .WithSummary("One share with every step: who did what and when, due times, and what the caller may do next.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareDetails>, NotFound>> GetAsync(Guid id, ViewShareHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new ShareId(id), cancellationToken) is { } share ? TypedResults.Ok(share) : TypedResults.NotFound();
}
