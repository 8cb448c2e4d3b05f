using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Domain.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cairn.Web.Data;

internal sealed class PlaceOfConcernConfiguration : IEntityTypeConfiguration<PlaceOfConcern>
{
    public void Configure(EntityTypeBuilder<PlaceOfConcern> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(PlaceOfConcern.MaxNameLength);
        b.Property(x => x.Risk).HasMaxLength(PlaceOfConcern.MaxRiskLength);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
        b.Ignore(x => x.Location);
        b.Ignore(x => x.IsAreaWide);
        // A child's record reads its own places; matching and the hotspot page read an area's area-wide ones.
        b.HasIndex(x => x.ChildId);
        b.HasIndex(x => new { x.AreaId, x.ChildId, x.To });
    }
}

internal sealed class RiskPersonDangerConfiguration : IEntityTypeConfiguration<RiskPersonDanger>
{
    public void Configure(EntityTypeBuilder<RiskPersonDanger> b)
    {
        b.HasKey(x => x.RelationshipId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.PlaceName).HasMaxLength(RiskPersonDanger.MaxPlaceLength);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
        b.Ignore(x => x.OwnLocation);
        b.HasIndex(x => x.ChildId);
    }
}

/// <summary>
/// The one query of a child's dangers with their locations (L35), for the child's record and for the matching engine's caller:
/// people posing a risk to the child (where they pose it: a place of their own, else their current address), places of concern
/// named for the child, and area-wide places whose kind of risk matters for the child's vulnerabilities. The caller has checked
/// the viewer may open the child's record: labels are the person's name or the place's name, as the child's record shows them.
/// </summary>
public static class ChildDangerQuery
{
    public static async Task<ChildDangers> ForAsync(CairnDbContext db, PersonId child, AreaId area,
        IReadOnlyCollection<Vulnerability> vulnerabilities,
        DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await RiskPeopleAsync(db, child, today, cancellationToken);
        var dangers = people.Select(p => p.Danger).ToList();
        var places = await db.PlacesOfConcern.AsNoTracking()
            .Where(p => (p.ChildId == child || (p.ChildId == null && p.AreaId == area)) && p.From <= today && (p.To == null || p.To >= today))
            .ToListAsync(cancellationToken);
        dangers.AddRange(places.Where(p => DangerRules.Concerns(p, child, area, vulnerabilities, today))
            .Select(p => new ChildDanger(DangerSource.Place, p.Id.Value, p.Name, p.Location, p.Postcode, DangerLocationSource.RecordedPlace,
                p.Kind)));
        return DangerRules.Split(dangers);
    }

    /// <summary>Each person currently recorded as posing a risk to the child, with their details (if any) and where they pose it.</summary>
    public static async Task<IReadOnlyList<RiskPerson>> RiskPeopleAsync(CairnDbContext db, PersonId child, DateOnly today,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var relationships = await db.Relationships.AsNoTracking()
            .Where(r => r.ToPersonId == child && r.Type == RelationshipType.PersonPosingRisk
                                              && (r.StartedOn == null || r.StartedOn <= today) && (r.EndedOn == null || r.EndedOn >= today))
            .Select(r => new { r.Id, r.FromPersonId })
            .ToListAsync(cancellationToken);
        if (relationships.Count == 0)
        {
            return [];
        }

        var ids = relationships.Select(r => r.Id).ToList();
        var personIds = relationships.Select(r => r.FromPersonId).Distinct().ToList();
        var details = await db.RiskPersonDangers.AsNoTracking().Where(d => ids.Contains(d.RelationshipId)).ToDictionaryAsync(d => d.RelationshipId,
            cancellationToken);
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}",
                cancellationToken);
        var addresses = (await db.Addresses.AsNoTracking().Where(a => personIds.Contains(a.PersonId) && a.To == null).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First());
        return relationships.Select(r =>
            {
                var detail = details.GetValueOrDefault(r.Id);
                var address = addresses.GetValueOrDefault(r.FromPersonId);
                var resolved = address is { LocalAuthorityCode: { } la, Easting: { } e, Northing: { } n } ? new PostcodeLocation(la, e, n) : null;
                var (location, postcode, source) = DangerRules.LocatePerson(detail, address?.Postcode, resolved);
                var label = names.GetValueOrDefault(r.FromPersonId) ?? "A person posing a risk";
                return new RiskPerson(r.Id, r.FromPersonId, detail?.Version ?? 0, detail?.PlaceName,
                    new ChildDanger(DangerSource.Person, r.Id.Value, label, location, postcode, source, detail?.Kind));
            })
            .OrderBy(p => p.Danger.Label, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A person posing a risk to a child: the relationship, the details' version (0 before any), a place of their own, the danger.</summary>
public sealed record RiskPerson(RelationshipId RelationshipId, PersonId PersonId, int Version, string? PlaceName, ChildDanger Danger);
