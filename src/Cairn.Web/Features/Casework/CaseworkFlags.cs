using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Web.Data;
using Cairn.Web.Features.Family;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Casework;

/// <summary>A parent or carer in the child's household with no current parenting capacity assessment (L32).</summary>
/// <param name="Name">Null when the viewer may not open the adult's record: the gap is shown, not who it is about.</param>
public sealed record MissingParentingAssessment(PersonId AdultId, string? Name, string Relationship);

/// <summary>
/// What the casework pages flag about a child that no single record shows: parents and carers in the household without a
/// current parenting capacity assessment while the child has a child protection plan or is subject to care proceedings (L32).
/// No access check and no audit: callers check access to the child and audit what they show.
/// </summary>
public sealed class CaseworkFlagsHandler(CairnDbContext db, ConnectedAdultsHandler adults, TimeProvider clock)
{
    /// <summary>Legal statuses that mean the court is involved (care proceedings), where parenting capacity must be assessed.</summary>
    private static readonly LegalStatusKind[] Proceedings = [LegalStatusKind.LookedAfterInterimCareOrder];

    /// <summary>Whether the child needs parenting capacity assessments: a child protection plan not ended, or care proceedings.</summary>
    public async Task<bool> ParentingCapacityRequiredAsync(PersonId child, CancellationToken cancellationToken) =>
        await db.Plans.AnyAsync(p => p.ChildId == child && p.Type == PlanType.ChildProtection && p.Status != PlanStatus.Ended, cancellationToken)
        || await db.LegalStatuses.AnyAsync(s => s.ChildId == child && s.To == null && Proceedings.Contains(s.Kind), cancellationToken);

    /// <summary>As below, with the currency periods of the child's area.</summary>
    public async Task<IReadOnlyList<MissingParentingAssessment>> MissingParentingAssessmentsAsync(PersonId child, HashSet<PersonId>? visible,
        CancellationToken cancellationToken) =>
        await MissingParentingAssessmentsAsync(child, await AreaAssessmentCurrency.ForChildAsync(db, child, cancellationToken), visible,
            cancellationToken);

    /// <summary>The parents and carers in the household missing a current parenting capacity assessment, when one is required.</summary>
    /// <param name="visible">The people the viewer may open (null: the whole area); the others are shown without a name.</param>
    public async Task<IReadOnlyList<MissingParentingAssessment>> MissingParentingAssessmentsAsync(PersonId child, AssessmentCurrency currency,
        HashSet<PersonId>? visible, CancellationToken cancellationToken)
    {
        if (!await ParentingCapacityRequiredAsync(child, cancellationToken))
        {
            return [];
        }

        var today = clock.Today();
        var carers = (await adults.OfChildrenAsync([child], today, null, cancellationToken)).Where(c => c.IsCarer).ToList();
        var parenting = await db.Assessments.AsNoTracking()
            .Where(a => a.ChildId == child && a.Type == AssessmentType.ParentingCapacity && a.Status == AssessmentStatus.Authorised)
            .ToListAsync(cancellationToken);
        var missing = ParentingCapacity.Missing(true, carers.Select(c => c.AdultId), parenting, currency, today);
        if (missing.Count == 0)
        {
            return [];
        }

        var names = await db.People.AsNoTracking().Where(p => missing.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return missing.Select(id => new MissingParentingAssessment(id,
                visible is null || visible.Contains(id) ? names.GetValueOrDefault(id) : null,
                carers.First(c => c.AdultId == id).Words))
            .ToList();
    }
}
