using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Health.RecordDiagnosis;

public sealed record RecordDiagnosisCommand
{
    [StringLength(300)]
    public string? Condition { get; init; }

    public DateOnly? DiagnosedOn { get; init; }

    [StringLength(300)]
    public string? Source { get; init; }

    [StringLength(4000)]
    public string? Notes { get; init; }
}

/// <summary>Records a dated, sourced diagnosis on a person's record (L28); it starts as current.</summary>
public sealed class RecordDiagnosisHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the person does not exist or the professional may not open their record.</returns>
    public async Task<Handled<ChangedDiagnosis>> HandleAsync(PersonId personId, RecordDiagnosisCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await RecordAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "diagnosis.record", personId, "diagnosis",
            null, cancellationToken);
    }

    private async Task<Handled<ChangedDiagnosis>> RecordAsync(PersonId personId, RecordDiagnosisCommand command,
        CancellationToken cancellationToken)
    {
        var outcome = Diagnosis.Record(personId, command.Condition ?? "", command.DiagnosedOn, command.Source ?? "", command.Notes,
            user.ProfessionalId, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var diagnosis = outcome.Value!;
        db.Diagnoses.Add(diagnosis);
        audit.Record("diagnosis.record", personId, "diagnosis", diagnosis.Id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new ChangedDiagnosis(diagnosis.Id, personId, diagnosis.Status, diagnosis.Version);
    }
}
