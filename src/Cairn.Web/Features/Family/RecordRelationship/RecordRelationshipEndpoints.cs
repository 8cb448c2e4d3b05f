using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.RecordRelationship;

public sealed class RecordRelationshipEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/relationships", HandleAsync)
            .WithName("RecordRelationship")
            .WithSummary("Records that another person is this person's parent, step-parent, partner of a parent, sibling, household member, other "
                + "significant adult or a person posing a risk (notes required). Both people must be ones the caller may open; otherwise 404.")
            .WithTags("Family");

    private static async Task<Results<Created<RecordedRelationship>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, RecordRelationshipCommand command, RecordRelationshipHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/family");
}
