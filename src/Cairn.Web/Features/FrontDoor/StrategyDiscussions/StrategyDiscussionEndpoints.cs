using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.StrategyDiscussions;

public sealed class StrategyDiscussionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/strategy-discussions/{id:guid}", async Task<Results<Ok<StrategyDiscussionView>, NotFound>> (Guid id,
                StrategyDiscussionHandler handler, CancellationToken ct) =>
                await handler.ViewAsync(new StrategyDiscussionId(id), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetStrategyDiscussion")
            .WithSummary("A strategy discussion required by a front door decision (L17), and what it decided.")
            .WithTags("Front door");
}
