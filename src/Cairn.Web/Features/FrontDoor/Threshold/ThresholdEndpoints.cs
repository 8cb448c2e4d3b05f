namespace Cairn.Web.Features.FrontDoor.Threshold;

public sealed class ThresholdEndpoints : IEndpoints
{
    private const string Summary = "The area's current threshold document (L15): levels of need with descriptors and indicators, "
        + "and the history of editions.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/threshold-document", async (ThresholdHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetThresholdDocument")
            .WithSummary(Summary)
            .WithTags("Front door");
}
