using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Health.ChangeDiagnosisStatus;

/// <summary>A diagnosis superseded or queried (or current again), with why. Version is the one the person saw.</summary>
public sealed record ChangeDiagnosisStatusCommand
{
    [Required]
    public DiagnosisStatus? Status { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Marks a diagnosis current, superseded or queried, with the reason (L28): the change is kept, so everyone sees which
/// diagnosis stands now and why the others do not.
/// </summary>
public sealed class ChangeDiagnosisStatusHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    /// <returns>Not found when the diagnosis does not exist or the professional may not open the person's record.</returns>
    public async Task<Handled<ChangedDiagnosis>> HandleAsync(DiagnosisId id, ChangeDiagnosisStatusCommand command,
        CancellationToken cancellationToken)
    {
        var person = await db.PersonOfDiagnosisAsync(id, cancellationToken);
        if (person is not { } personId || !(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAsync(id, personId, command, cancellationToken).AuditRefusalAsync(audit, "diagnosis.change-status", personId,
            "diagnosis", id.Value, cancellationToken);
    }

    private async Task<Handled<ChangedDiagnosis>> ChangeAsync(DiagnosisId id, PersonId person, ChangeDiagnosisStatusCommand command,
        CancellationToken cancellationToken)
    {
        var diagnosis = await db.Diagnoses.Include(x => x.Changes).SingleAsync(x => x.Id == id, cancellationToken);
        var refusal = diagnosis.ChangeStatus(command.Status ?? (DiagnosisStatus)(-1), command.Reason ?? "", command.Version ?? 0,
            user.ProfessionalId, clock.GetUtcNow());
        if (refusal is not null)
        {
            return refusal;
        }

        audit.Record("diagnosis.change-status", person, "diagnosis", id.Value, detail: diagnosis.Status.ToString());
        if (await db.SaveOrConflictAsync(Diagnosis.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new ChangedDiagnosis(diagnosis.Id, diagnosis.PersonId, diagnosis.Status, diagnosis.Version);
    }
}
