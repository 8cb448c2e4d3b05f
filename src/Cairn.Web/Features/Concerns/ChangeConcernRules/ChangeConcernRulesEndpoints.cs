namespace Cairn.Web.Features.Concerns.ChangeConcernRules;

public sealed class ChangeConcernRulesEndpoints : IEndpoints
{
    private const string Summary = "Replaces the area's concern rule settings, validated as a whole: every rule's settings and the version "
        + "read (GET /api/v1/concern-rules; 0 for the defaults). A rule left out is 400 (none is reset by omission); a field out of range "
        + "is 400 against it; a stale version is 409. Safeguarding leads and administrators only.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/concern-rules", async (ChangeConcernRulesCommand command, ChangeConcernRulesHandler handler, CancellationToken ct) =>
                (await handler.ChangeAsync(command, ct)).ToApiResult())
            .WithName("PutConcernRules")
            .WithSummary(Summary)
            .WithTags("Concerns");
}
