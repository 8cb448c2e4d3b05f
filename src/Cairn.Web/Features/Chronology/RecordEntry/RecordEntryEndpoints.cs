using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Chronology.RecordEntry;

public sealed class RecordEntryEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/chronology", HandleAsync)
            .WithName("RecordChronologyEntry")
            .WithSummary("Records a chronology entry. Visits and assessments need the voice of the child; a child's missed appointment is "
                         + "'WasNotBrought', never 'DidNotAttend'.")
            .WithTags("Chronology");

    private static async Task<Results<Created<RecordedEntry>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, RecordEntryCommand command, RecordEntryHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(e => $"/api/v1/chronology/{e.Id.Value}");
}
