using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Health.Diagnoses;

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

public sealed record DiagnosisChangeView(DiagnosisStatus From, DiagnosisStatus To, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record DiagnosisDetails(DiagnosisId Id, PersonId PersonId, string Condition, DateOnly DiagnosedOn, string Source, DiagnosisStatus Status,
    string? Notes, string RecordedBy, DateTimeOffset RecordedAt, int Version, IReadOnlyList<DiagnosisChangeView> Changes);

public sealed record ChangedDiagnosis(DiagnosisId Id, PersonId PersonId, DiagnosisStatus Status, int Version);

/// <summary>
/// Dated, sourced diagnoses whose status changes are kept (L28): when a diagnosis is superseded or queried,
/// everyone sees which one stands now and why the others do not.
/// </summary>
public sealed class DiagnosesHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{

    public async Task<Outcome<ChangedDiagnosis>?> RecordAsync(PersonId personId, RecordDiagnosisCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return null;
        }

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
        return Outcome<ChangedDiagnosis>.Success(new ChangedDiagnosis(diagnosis.Id, personId, diagnosis.Status, diagnosis.Version));
    }

    /// <returns>Null when the diagnosis does not exist or the viewer may not see the person's record.</returns>
    public async Task<DiagnosisDetails?> HandleAsync(DiagnosisId id, CancellationToken cancellationToken)
    {
        var person = await PersonOfAsync(id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var decision = await access.OpenAsync(person.Value, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("diagnosis.view", person.Value, decision.Reason.ToString(), cancellationToken);
        var d = await db.Diagnoses.AsNoTracking().Include(x => x.Changes).SingleAsync(x => x.Id == id, cancellationToken);
        var names = await NamesAsync(d.Changes.Select(c => c.ChangedBy).Append(d.RecordedBy), cancellationToken);
        return new DiagnosisDetails(d.Id, d.PersonId, d.Condition, d.DiagnosedOn, d.Source, d.Status, d.Notes, names[d.RecordedBy], d.RecordedAt,
            d.Version, d.Changes.OrderBy(c => c.ChangedAt).Select(c => new DiagnosisChangeView(c.From, c.To, c.Reason, names[c.ChangedBy], c.ChangedAt)).ToList());
    }

    public async Task<Outcome<ChangedDiagnosis>?> ChangeStatusAsync(DiagnosisId id, ChangeDiagnosisStatusCommand command, CancellationToken cancellationToken)
    {
        var person = await PersonOfAsync(id, cancellationToken);
        if (person is null || !(await access.OpenAsync(person.Value, cancellationToken)).Allowed)
        {
            return null;
        }

        var diagnosis = await db.Diagnoses.Include(x => x.Changes).SingleAsync(x => x.Id == id, cancellationToken);
        var refusal = diagnosis.ChangeStatus(command.Status ?? (DiagnosisStatus)(-1), command.Reason ?? "", command.Version ?? 0, user.ProfessionalId,
            clock.GetUtcNow());
        if (refusal is not null)
        {
            return refusal;
        }

        audit.Record("diagnosis.change-status", person.Value, "diagnosis", id.Value, detail: diagnosis.Status.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Diagnosis.Stale;
        }

        return Outcome<ChangedDiagnosis>.Success(new ChangedDiagnosis(diagnosis.Id, diagnosis.PersonId, diagnosis.Status, diagnosis.Version));
    }

    private async Task<PersonId?> PersonOfAsync(DiagnosisId id, CancellationToken cancellationToken) =>
        await db.Diagnoses.AsNoTracking().Where(d => d.Id == id).Select(d => (PersonId?)d.PersonId).FirstOrDefaultAsync(cancellationToken);

    private async Task<Dictionary<ProfessionalId, string>> NamesAsync(IEnumerable<ProfessionalId> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Professionals.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }
}
