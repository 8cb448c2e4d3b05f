using Cairn.Domain.FrontDoor;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Threshold;

public sealed class ThresholdEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/threshold-document", async (ThresholdHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ViewAsync(ct)))
            .WithName("GetThresholdDocument")
            .WithSummary("The area's current threshold document (L15): levels of need with descriptors and indicators, and the history of editions.")
            .WithTags("Front door");
        api.MapPut("/threshold-document/levels/{level}", async Task<Results<Ok<ThresholdView>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (
                ThresholdLevel level, ReviseLevelCommand command, ThresholdHandler handler, CancellationToken ct) =>
            {
                if (!handler.MayEdit)
                {
                    return TypedResults.Forbid();
                }

                var outcome = await handler.ReviseAsync(level, command, ct);
                if (outcome.Refusal is not { } refusal)
                {
                    return TypedResults.Ok(outcome.Value!);
                }

                return refusal.Errors.Any(e => e.Field == "Edition") ? refusal.ToConflict("The threshold document has a newer edition") : refusal.ToProblem();
            })
            .WithName("ReviseThresholdLevel")
            .WithSummary("Publishes a new edition with one level's descriptor and indicators changed. Safeguarding leads and administrators only; a change based on an older edition is refused (409).")
            .WithTags("Front door");
    }
}
