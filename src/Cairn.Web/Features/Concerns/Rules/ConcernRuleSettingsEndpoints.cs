using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Concerns.Rules;

public sealed class ConcernRuleSettingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/concern-rules", async Task<Results<Ok<ConcernRulesView>, ForbidHttpResult>> (ConcernRuleSettingsHandler handler,
                CancellationToken ct) => handler.MayEdit ? TypedResults.Ok(await handler.ViewAsync(ct)) : TypedResults.Forbid())
            .WithName("GetConcernRules")
            .WithSummary("The area's concern rule settings (the defaults until changed). Safeguarding leads and administrators only.")
            .WithTags("Concerns");
}
