using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.FrontDoor.Timescales;

public sealed class FrontDoorTimescalesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/front-door/timescales", async Task<Results<Ok<FrontDoorTimescalesView>, ForbidHttpResult>> (FrontDoorTimescalesHandler handler,
                CancellationToken ct) => handler.MayEdit ? TypedResults.Ok(await handler.ViewAsync(ct)) : TypedResults.Forbid())
            .WithName("GetFrontDoorTimescales")
            .WithSummary("The area's front door timescales: working days to hold a strategy discussion (the area's), and to decide on a contact (national). Safeguarding leads and administrators only.")
            .WithTags("Front door");
        api.MapPut("/front-door/timescales", async Task<Results<Ok<FrontDoorTimescalesView>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (
                ChangeFrontDoorTimescalesCommand command, FrontDoorTimescalesHandler handler, CancellationToken ct) =>
            {
                if (!handler.MayEdit)
                {
                    return TypedResults.Forbid();
                }

                if (command.Version is not { } version)
                {
                    return Problems.Invalid("Version", "Send the version you read (0 for the defaults), so that a change made meanwhile is not overwritten");
                }

                var outcome = await handler.SaveAsync(command.StrategyDiscussionWorkingDays, version, ct);
                if (outcome.Refusal is not { } refusal)
                {
                    return TypedResults.Ok(outcome.Value!);
                }

                return refusal.IsConflict ? refusal.ToConflict("The timescales have changed") : refusal.ToProblem();
            })
            .WithName("PutFrontDoorTimescales")
            .WithSummary("Sets the working days (1 to 5) within which a strategy discussion must be held in the area, with the version read: 400 when out of range, 409 when changed meanwhile. Strategy discussions already required keep their due time. Safeguarding leads and administrators only.")
            .WithTags("Front door");
    }
}
