using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Disagreements.RaiseDisagreement;

public sealed class RaiseDisagreementEndpoints : IEndpoints
{
    private const string Summary = "Raises a professional disagreement about a decision on the child (L15), owned at stage 1 by ownerId (not "
                                   + "the caller), due in working days. Decision, concern and outcome sought are required; decisionEntryId, if "
                                   + "sent, must be an entry in the child's chronology.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/disagreements", HandleAsync)
            .WithName("RaiseDisagreement")
            .WithSummary(Summary)
            .WithTags("Disagreements");

    private static async Task<Results<Created<RaisedDisagreement>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, RaiseDisagreementCommand command, RaiseDisagreementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(d => $"/api/v1/disagreements/{d.Id.Value}");
}
