using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.EndInvolvement;

public sealed class EndInvolvementEndpoints : IEndpoints
{
    private const string Summary = "Ends an involvement on a date. The lead professional's involvement ends only when nobody else continues, "
                                   + "or after the role has moved. Send the version you read; a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/involvements/{id:guid}/end", EndAsync)
            .WithName("EndInvolvement")
            .WithSummary(Summary)
            .WithTags("Team around the child");

    private static async Task<Results<Ok<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> EndAsync(
        Guid id, EndInvolvementCommand command, EndInvolvementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new InvolvementId(id), command, cancellationToken)).ToApiResult();
}
