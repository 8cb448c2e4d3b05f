using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Timescales;

public sealed class FrontDoorTimescalesEndpoints : IEndpoints
{
    private const string Summary = "The area's front door timescales: working days to hold a strategy discussion (the area's), and to "
        + "decide on a contact (national). Safeguarding leads and administrators only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/front-door/timescales", async Task<Results<Ok<FrontDoorTimescalesView>, ForbidHttpResult>> (
                FrontDoorTimescalesHandler handler, CancellationToken ct) =>
                handler.MayEdit ? TypedResults.Ok(await handler.ViewAsync(ct)) : TypedResults.Forbid())
            .WithName("GetFrontDoorTimescales")
            .WithSummary(Summary)
            .WithTags("Front door");
}
