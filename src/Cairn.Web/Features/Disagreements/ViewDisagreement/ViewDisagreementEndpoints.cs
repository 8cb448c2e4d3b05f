using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.ViewDisagreement;

public sealed class ViewDisagreementEndpoints : IEndpoints
{
    private const string Summary = "One disagreement with its stages and the history of every step. Visible to the professional who raised "
                                   + "it, anyone who owned a stage, and anyone who may open the child's record.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/disagreements/{id:guid}", GetAsync)
            .WithName("GetDisagreement")
            .WithSummary(Summary)
            .WithTags("Disagreements");

    private static async Task<Results<Ok<DisagreementDetails>, NotFound>> GetAsync(Guid id, ViewDisagreementHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new DisagreementId(id), cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
}
