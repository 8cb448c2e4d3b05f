using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.EndRelationship;

public sealed class EndRelationshipEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/relationships/{relationshipId:guid}/end", HandleAsync)
            .WithName("EndRelationship")
            .WithSummary("Ends a relationship on a date (today or earlier). It is kept as history, never deleted. Send the version you read; a "
                + "stale version is 409.")
            .WithTags("Family");

    private static async Task<Results<Ok<EndedRelationship>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, Guid relationshipId, EndRelationshipCommand command, EndRelationshipHandler handler, CancellationToken cancellationToken) =>
        (await handler.EndAsync(new PersonId(id), new RelationshipId(relationshipId), command, cancellationToken)).ToApiResult();
}
