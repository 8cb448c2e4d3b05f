using Cairn.Domain;

namespace Cairn.Web.Features.Health.RecordDiagnosis;

public sealed class RecordDiagnosisEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/diagnoses",
                async (Guid id, RecordDiagnosisCommand command, RecordDiagnosisHandler handler, CancellationToken cancellationToken) =>
                    (await handler.HandleAsync(new PersonId(id), command, cancellationToken))
                    .ToCreatedResult(recorded => $"/api/v1/diagnoses/{recorded.Id.Value}"))
            .WithName("RecordDiagnosis")
            .WithSummary("Records a dated diagnosis with who made it; it starts as current (L28).")
            .WithTags("Diagnoses");
}
