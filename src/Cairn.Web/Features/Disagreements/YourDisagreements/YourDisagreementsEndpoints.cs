using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.YourDisagreements;

public sealed class YourDisagreementsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/disagreements", GetAsync)
            .WithName("GetYourDisagreements")
            .WithSummary("Open disagreements whose current stage the caller owns, every disagreement the caller raised, and (for a "
                         + "safeguarding lead) open ones in the area flagged for the partnership.")
            .WithTags("Disagreements");

    private static async Task<Ok<DisagreementList>> GetAsync(YourDisagreementsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.HandleAsync(cancellationToken));
}
