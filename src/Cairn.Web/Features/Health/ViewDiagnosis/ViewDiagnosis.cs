using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Health.ViewDiagnosis;

public sealed record DiagnosisChangeView(DiagnosisStatus From, DiagnosisStatus To, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>One diagnosis as its page and the API show it, with the history of its status.</summary>
public sealed record DiagnosisDetails
{
    public required DiagnosisId Id { get; init; }
    public required PersonId PersonId { get; init; }
    public required string Condition { get; init; }
    public required DateOnly DiagnosedOn { get; init; }
    public required string Source { get; init; }
    public required DiagnosisStatus Status { get; init; }
    public string? Notes { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<DiagnosisChangeView> Changes { get; init; }
}

/// <summary>
/// One dated, sourced diagnosis with the changes of its status (L28): when a diagnosis is superseded or queried,
/// everyone sees which one stands now and why the others do not. Recording one and changing its status are their own slices.
/// </summary>
public sealed class ViewDiagnosisHandler(CairnDbContext db, RecordAccessService access, AuditLog audit)
{
    /// <returns>Null when the diagnosis does not exist or the viewer may not see the person's record.</returns>
    public async Task<DiagnosisDetails?> HandleAsync(DiagnosisId id, CancellationToken cancellationToken)
    {
        var person = await db.PersonOfDiagnosisAsync(id, cancellationToken);
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
        return new DiagnosisDetails
        {
            Id = d.Id,
            PersonId = d.PersonId,
            Condition = d.Condition,
            DiagnosedOn = d.DiagnosedOn,
            Source = d.Source,
            Status = d.Status,
            Notes = d.Notes,
            RecordedBy = names[d.RecordedBy],
            RecordedAt = d.RecordedAt,
            Version = d.Version,
            Changes = d.Changes.OrderBy(c => c.ChangedAt)
                .Select(c => new DiagnosisChangeView(c.From, c.To, c.Reason, names[c.ChangedBy], c.ChangedAt))
                .ToList(),
        };
    }

    private async Task<Dictionary<ProfessionalId, string>> NamesAsync(IEnumerable<ProfessionalId> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Professionals.AsNoTracking()
            .Where(p => list.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }
}
