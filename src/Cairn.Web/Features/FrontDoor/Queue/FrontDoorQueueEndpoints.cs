using Cairn.Domain.FrontDoor;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Queue;

public sealed class FrontDoorQueueEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/front-door/queue", async Task<Results<Ok<FrontDoorQueueView>, ForbidHttpResult>> (ContactStatus? status,
                FrontDoorQueueHandler handler, CancellationToken ct) =>
                await handler.ViewAsync(status, ct) is { } view ? TypedResults.Ok(view) : TypedResults.Forbid())
            .WithName("GetFrontDoorQueue")
            .WithSummary("Open contacts with counts by status and by time waited, oldest due first, and strategy discussions still to hold. "
                + "Front door and safeguarding leads only.")
            .WithTags("Front door");
}
