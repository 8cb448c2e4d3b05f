using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.RecordAddress;

public sealed class RecordAddressEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/addresses", HandleAsync)
            .WithName("RecordAddress")
            .WithSummary("Records a move to a new address from a date. The postcode is normalised and resolved to its local authority and grid "
                + "reference; one not in the postcode directory is refused. Send the current address's id and version as you read them (none if "
                    + "there was none): it is closed the day before, and a stale view is 409.")
            .WithTags("Family");

    private static async Task<Results<Created<RecordedAddress>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, RecordAddressCommand command, RecordAddressHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/family");
}
