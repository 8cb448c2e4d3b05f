using Cairn.Domain.FrontDoor;

namespace Cairn.Web.Features.FrontDoor.ReviseThresholdLevel;

public sealed class ReviseThresholdLevelEndpoints : IEndpoints
{
    private const string Summary = "Publishes a new edition with one level's descriptor and indicators changed. Safeguarding leads and "
        + "administrators only; a change based on an older edition is refused (409).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/threshold-document/levels/{level}", async (ThresholdLevel level, ReviseLevelCommand command,
                ReviseThresholdLevelHandler handler, CancellationToken ct) => (await handler.ReviseAsync(level, command, ct)).ToApiResult())
            .WithName("ReviseThresholdLevel")
            .WithSummary(Summary)
            .WithTags("Front door");
}
