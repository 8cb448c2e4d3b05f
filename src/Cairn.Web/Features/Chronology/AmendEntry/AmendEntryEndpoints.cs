using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Chronology.AmendEntry;

public sealed class AmendEntryEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/chronology/{id:guid}", GetAsync)
            .WithName("GetChronologyEntry")
            .WithSummary("One chronology entry as it stands, with everything it said before each amendment. Names only the people the "
                         + "caller may see.")
            .WithTags("Chronology");
        api.MapPost("/chronology/{id:guid}/amend", AmendAsync)
            .WithName("AmendChronologyEntry")
            .WithSummary("Corrects an entry with a reason; the previous content stays in its history. Only the recorder or a manager in "
                         + "their agency. Send the version you read; a stale version is 409.")
            .WithTags("Chronology");
    }

    private static async Task<Results<Ok<EntryDetails>, NotFound>> GetAsync(Guid id, AmendEntryHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new ChronologyEntryId(id), cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();

    private static async Task<Results<Ok<AmendedEntry>, ValidationProblem, ProblemHttpResult, NotFound>> AmendAsync(
        Guid id, AmendEntryCommand command, AmendEntryHandler handler, CancellationToken cancellationToken) =>
        (await handler.AmendAsync(new ChronologyEntryId(id), command, cancellationToken)).ToApiResult();
}
