using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family;

/// <summary>
/// The family features' access rules on top of <see cref="RecordAccessService"/>: who may be linked to a
/// person, and which households a professional may reach. See README.md beside this file.
/// </summary>
public sealed class FamilyAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit)
{
    /// <summary>How many of their own unlinked adults are offered to a professional to link.</summary>
    private const int MaxUnlinkedAdults = 20;

    /// <summary>
    /// Whether the other person in a relationship may be linked or changed: someone whose record the professional
    /// may open, or an adult they created themselves who is not yet linked to anyone. A new adult's record opens
    /// only through a related child (CreatePerson tells its creator to link them), so without the second case a
    /// practitioner could never link the adult they just recorded. A refusal is audited as
    /// <see cref="RecordAccessService.OpenAsync"/> audits one, and callers answer 404.
    /// </summary>
    public async Task<bool> MayLinkAsync(PersonId other, CancellationToken cancellationToken)
    {
        if ((await access.DecideAsync(other, cancellationToken)).Allowed || await IsOwnUnlinkedAdultAsync(other, cancellationToken))
        {
            return true;
        }

        if (user.IsSignedIn)
        {
            audit.Record("record.open", other, "person", other.Value, "refused");
            await db.SaveChangesAsync(cancellationToken);
        }

        return false;
    }

    /// <summary>Adults this professional created in their own area and has not linked to anyone yet, newest first.</summary>
    public async Task<List<PersonId>> OwnUnlinkedAdultsAsync(CancellationToken cancellationToken)
    {
        var me = user.ProfessionalId;
        var area = user.AreaId;
        return await db.People
            .Where(p => p.Kind == PersonKind.Adult && p.CreatedBy == me && p.AreaId == area)
            .Where(p => !db.Relationships.Any(r => r.FromPersonId == p.Id || r.ToPersonId == p.Id))
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => p.Id)
            .Take(MaxUnlinkedAdults)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Which of these people the professional may open: the same need-to-know as search results.</summary>
    public async Task<HashSet<PersonId>> VisibleAmongAsync(IReadOnlyCollection<PersonId> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var visible = await access.VisiblePeopleAsync(cancellationToken);
        if (visible is not null)
        {
            return people.Where(visible.Contains).ToHashSet();
        }

        // Area-wide reach: everyone in the professional's own area.
        var ids = people.Distinct().ToList();
        var area = user.AreaId;
        return (await db.People.Where(p => ids.Contains(p.Id) && p.AreaId == area).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// Whether a household may be reached (joined, shown): some member, past or present, is someone the
    /// professional may open. A household of strangers is answered exactly as one that does not exist.
    /// </summary>
    public async Task<bool> MayReachAsync(Household household, CancellationToken cancellationToken) =>
        (await VisibleAmongAsync(household.Members.Select(m => m.PersonId).Distinct().ToList(), cancellationToken)).Count > 0;

    private async Task<bool> IsOwnUnlinkedAdultAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (!user.IsSignedIn)
        {
            return false;
        }

        var me = user.ProfessionalId;
        var area = user.AreaId;
        return await db.People.AnyAsync(p => p.Id == person && p.Kind == PersonKind.Adult && p.CreatedBy == me && p.AreaId == area
            && !db.Relationships.Any(r => r.FromPersonId == person || r.ToPersonId == person), cancellationToken);
    }
}
