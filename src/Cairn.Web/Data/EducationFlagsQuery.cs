using Cairn.Domain;
using Cairn.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Data;

/// <summary>
/// The education facts the concern rules read in bulk (L09, L50). Not access-checked or audited: it is for rules that
/// run over the whole area, which decide themselves what reaches whom.
/// </summary>
public static class EducationFlagsQuery
{
    /// <summary>
    /// The flags of those <paramref name="children"/> that have education details, in one query over the covering index
    /// on the child's id. The id list goes as one parameter (<see cref="EF.Parameter{T}"/>: a JSON array on SQLite, an
    /// array on PostgreSQL) rather than EF Core's default of one parameter per id, which SQLite refuses beyond 32,766 and
    /// which costs a fresh query plan per list length. A child with no details is absent from the result: treat them as
    /// neither.
    /// </summary>
    public static Task<List<EducationFlags>> EducationFlagsAsync(this CairnDbContext db, IReadOnlyCollection<PersonId> children,
        CancellationToken cancellationToken)
    {
        var ids = children as List<PersonId> ?? children.ToList();
        return db.EducationRecords.AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.PersonId))
            .Select(e => new EducationFlags(e.PersonId, e.HasComplexNeeds, e.ElectivelyHomeEducated))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every child with complex needs or electively home educated, to compose with other queries (one statement).</summary>
    public static IQueryable<EducationFlags> FlaggedEducation(this CairnDbContext db) =>
        db.EducationRecords.AsNoTracking()
            .Where(e => e.HasComplexNeeds || e.ElectivelyHomeEducated)
            .Select(e => new EducationFlags(e.PersonId, e.HasComplexNeeds, e.ElectivelyHomeEducated));
}
