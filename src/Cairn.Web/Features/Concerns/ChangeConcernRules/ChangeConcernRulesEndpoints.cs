using Cairn.Domain.Concerns;

namespace Cairn.Web.Features.Concerns.ChangeConcernRules;

public sealed class ChangeConcernRulesEndpoints : IEndpoints
{
    private const string Summary = "Replaces the area's concern rule settings, validated as a whole: 400 with an error for each field that "
        + "is out of range. Safeguarding leads and administrators only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/concern-rules", async (ConcernRuleSettings settings, ChangeConcernRulesHandler handler, CancellationToken ct) =>
                (await handler.ChangeAsync(settings, null, ct)).ToApiResult())
            .WithName("PutConcernRules")
            .WithSummary(Summary)
            .WithTags("Concerns");
}
