using Cairn.Domain.Concerns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Concerns.Rules;

public sealed class ConcernRuleSettingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/concern-rules", async Task<Results<Ok<ConcernRulesView>, ForbidHttpResult>> (ConcernRuleSettingsHandler handler, CancellationToken ct) =>
                handler.MayEdit ? TypedResults.Ok(await handler.ViewAsync(ct)) : TypedResults.Forbid())
            .WithName("GetConcernRules")
            .WithSummary("The area's concern rule settings (the defaults until changed). Safeguarding leads and administrators only.")
            .WithTags("Concerns");
        api.MapPut("/concern-rules", async Task<Results<Ok<ConcernRulesView>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (
                ConcernRuleSettings settings, ConcernRuleSettingsHandler handler, CancellationToken ct) =>
            {
                if (!handler.MayEdit)
                {
                    return TypedResults.Forbid();
                }

                var outcome = await handler.SaveAsync(settings, null, ct);
                if (outcome.Refusal is not { } refusal)
                {
                    return TypedResults.Ok(outcome.Value!);
                }

                return refusal.IsConflict ? refusal.ToConflict("The rules have changed") : refusal.ToProblem();
            })
            .WithName("PutConcernRules")
            .WithSummary("Replaces the area's concern rule settings, validated as a whole: 400 with an error for each field that is out of range. Safeguarding leads and administrators only.")
            .WithTags("Concerns");
    }
}
