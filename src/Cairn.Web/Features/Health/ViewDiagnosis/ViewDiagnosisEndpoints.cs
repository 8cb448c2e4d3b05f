using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Health.ViewDiagnosis;

public sealed class ViewDiagnosisEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/diagnoses/{id:guid}", GetAsync)
            .WithName("GetDiagnosis")
            .WithSummary("One diagnosis with the history of its status.")
            .WithTags("Diagnoses");

    private static async Task<Results<Ok<DiagnosisDetails>, NotFound>> GetAsync(Guid id, ViewDiagnosisHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new DiagnosisId(id), cancellationToken) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();
}
