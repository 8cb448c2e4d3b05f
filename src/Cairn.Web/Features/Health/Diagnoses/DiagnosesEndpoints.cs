using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Health.Diagnoses;

public sealed class DiagnosesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/people/{id:guid}/diagnoses", RecordAsync)
            .WithName("RecordDiagnosis")
            .WithSummary("Records a dated diagnosis with who made it; it starts as current (L28).")
            .WithTags("Diagnoses");
        api.MapGet("/diagnoses/{id:guid}", GetAsync)
            .WithName("GetDiagnosis")
            .WithSummary("One diagnosis with the history of its status.")
            .WithTags("Diagnoses");
        api.MapPost("/diagnoses/{id:guid}/status", ChangeStatusAsync)
            .WithName("ChangeDiagnosisStatus")
            .WithSummary("Marks a diagnosis current, superseded or queried, with the reason. Send the version you read; a stale version is 409.")
            .WithTags("Diagnoses");
    }

    private static async Task<Results<Created<ChangedDiagnosis>, ValidationProblem, NotFound>> RecordAsync(
        Guid id, RecordDiagnosisCommand command, DiagnosesHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.RecordAsync(new PersonId(id), command, cancellationToken);
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        return result.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/v1/diagnoses/{result.Value!.Id.Value}", result.Value);
    }

    private static async Task<Results<Ok<DiagnosisDetails>, NotFound>> GetAsync(Guid id, DiagnosesHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new DiagnosisId(id), cancellationToken) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChangedDiagnosis>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeStatusAsync(
        Guid id, ChangeDiagnosisStatusCommand command, DiagnosesHandler handler, CancellationToken cancellationToken) =>
        (await handler.ChangeStatusAsync(new DiagnosisId(id), command, cancellationToken)).ToChangeResult("The diagnosis has changed");
}
