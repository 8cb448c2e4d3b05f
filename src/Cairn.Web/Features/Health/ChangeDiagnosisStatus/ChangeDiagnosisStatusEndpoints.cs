using Cairn.Domain;

namespace Cairn.Web.Features.Health.ChangeDiagnosisStatus;

public sealed class ChangeDiagnosisStatusEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/diagnoses/{id:guid}/status",
                async (Guid id, ChangeDiagnosisStatusCommand command, ChangeDiagnosisStatusHandler handler, CancellationToken cancellationToken) =>
                    (await handler.HandleAsync(new DiagnosisId(id), command, cancellationToken)).ToApiResult())
            .WithName("ChangeDiagnosisStatus")
            .WithSummary("Marks a diagnosis current, superseded or queried, with the reason. Send the version you read; a stale version is 409.")
            .WithTags("Diagnoses");
}
