using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Health;

/// <summary>A diagnosis as it stands after it was recorded or its status changed.</summary>
public sealed record ChangedDiagnosis(DiagnosisId Id, PersonId PersonId, DiagnosisStatus Status, int Version);

/// <summary>What the diagnosis slices share: access to a diagnosis is decided on the person it is about.</summary>
public static class Diagnoses
{
    /// <summary>The person the diagnosis is about, or null when there is no such diagnosis.</summary>
    public static async Task<PersonId?> PersonOfDiagnosisAsync(this CairnDbContext db, DiagnosisId id, CancellationToken cancellationToken) =>
        await db.Diagnoses.AsNoTracking().Where(d => d.Id == id).Select(d => (PersonId?)d.PersonId).FirstOrDefaultAsync(cancellationToken);
}
