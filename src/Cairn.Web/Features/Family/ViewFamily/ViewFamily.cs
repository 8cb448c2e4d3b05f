using System.Text.Json.Serialization;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Family.ViewFamily;

/// <summary>A person's relationships, households and addresses, current and past, with the versions needed to change them.</summary>
public sealed record FamilyPage(
    PersonId PersonId,
    string Name,
    PersonKind Kind,
    IReadOnlyList<FamilyRelationship> Relationships,
    IReadOnlyList<FamilyHousehold> Households,
    IReadOnlyList<FamilyAddress> Addresses)
{
    /// <summary>Current relationships in which someone poses a risk to this person: shown first and in red.</summary>
    [JsonIgnore]
    public IEnumerable<FamilyRelationship> RisksToThisPerson => Relationships.Where(r => r.PosesRisk && r.IsCurrent && r.ToPersonId == PersonId);

    /// <summary>A child's parents' own allocated workers (L29), invited to the child's conferences automatically; empty for an adult.</summary>
    public IReadOnlyList<AdultWorkers.ParentWorkerView> ParentsWorkers { get; init; } = [];

    /// <summary>Current relationships in which this person poses a risk to someone else.</summary>
    [JsonIgnore]
    public IEnumerable<FamilyRelationship> RisksFromThisPerson => Relationships.Where(r => r.PosesRisk && r.IsCurrent && r.FromPersonId == PersonId);
}

public sealed record FamilyRelationship
{
    public required RelationshipId Id { get; init; }
    /// <summary>The relationship reads "From is the Type of To".</summary>
    public required PersonId FromPersonId { get; init; }
    public required PersonId ToPersonId { get; init; }
    public required RelationshipType Type { get; init; }
    public required PersonId OtherId { get; init; }
    /// <summary>Null when the viewer may not open the other person's record: the relationship is shown, not who it is with.</summary>
    public string? OtherName { get; init; }
    public required PersonKind OtherKind { get; init; }
    /// <summary>What the other person is to this one, in words.</summary>
    public required string Description { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public required bool IsCurrent { get; init; }
    public required bool PosesRisk { get; init; }
    public string? Notes { get; init; }
    /// <summary>Whether the viewer may open the other person's record, and so change the relationship.</summary>
    public required bool OtherMayBeOpened { get; init; }
    public required int Version { get; init; }
}

/// <param name="JoinedOn">When this person last moved in.</param>
/// <param name="LeftOn">When this person last moved out; null while they live there.</param>
public sealed record FamilyHousehold(HouseholdId Id, string Name, DateOnly JoinedOn, DateOnly? LeftOn, bool IsCurrent,
    IReadOnlyList<FamilyHouseholdMember> Members, int Version);

/// <param name="Name">Null when the viewer may not open the member's record.</param>
public sealed record FamilyHouseholdMember(PersonId PersonId, string? Name, PersonKind Kind, DateOnly JoinedOn, DateOnly? LeftOn, bool IsCurrent);

public sealed record FamilyAddress
{
    public required AddressId Id { get; init; }
    public required string Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? Town { get; init; }
    public required string Postcode { get; init; }
    public string? LocalAuthorityCode { get; init; }
    /// <summary>The authority that runs children's services where the postcode is.</summary>
    public string? LocalAuthority { get; init; }
    public int? Easting { get; init; }
    public int? Northing { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public required bool IsCurrent { get; init; }
    public required int Version { get; init; }
}

/// <summary>
/// Reads a person's family, households and addresses. Returns null both for a person who does not exist and
/// one the viewer may not see. Relationships and household members the viewer may not open are shown
/// without their names, so the picture (another child at risk, an adult in the home) is there without
/// identifying them. Every read is audited.
/// </summary>
public sealed class ViewFamilyHandler(CairnDbContext db, RecordAccessService access, FamilyAccessHandler family, AuditLog audit, TimeProvider clock,
    AdultWorkers.AdultWorkerAccessHandler workers)
{
    public async Task<FamilyPage?> HandleAsync(PersonId id, CancellationToken cancellationToken)
    {
        var decision = await access.OpenAsync(id, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("family.view", id, decision.Reason.ToString(), cancellationToken);
        var today = clock.Today();
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.GivenName, p.FamilyName, p.Kind }).SingleAsync(cancellationToken);

        var relationships = await db.Relationships.AsNoTracking()
            .Where(r => r.FromPersonId == id || r.ToPersonId == id)
            .ToListAsync(cancellationToken);
        var households = await db.Households.AsNoTracking()
            .Where(h => h.Members.Any(m => m.PersonId == id))
            .ToListAsync(cancellationToken);
        var peopleIds = relationships.Select(r => r.OtherThan(id))
            .Concat(households.SelectMany(h => h.Members.Select(m => m.PersonId)))
            .Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => peopleIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var visible = await family.VisibleAmongAsync(peopleIds, cancellationToken);
        visible.Add(id);
        string? NameOf(PersonId person) => visible.Contains(person) ? $"{people[person].GivenName} {people[person].FamilyName}" : null;

        var relationshipItems = relationships
            .Select(r =>
            {
                var other = people[r.OtherThan(id)];
                return new FamilyRelationship
                {
                    Id = r.Id,
                    FromPersonId = r.FromPersonId,
                    ToPersonId = r.ToPersonId,
                    Type = r.Type,
                    OtherId = other.Id,
                    OtherName = NameOf(other.Id),
                    OtherKind = other.Kind,
                    Description = FamilyWords.Describe(r.Type, r.FromPersonId == id),
                    StartedOn = r.StartedOn,
                    EndedOn = r.EndedOn,
                    IsCurrent = r.IsCurrentOn(today),
                    PosesRisk = r.Type == RelationshipType.PersonPosingRisk,
                    Notes = r.Notes,
                    OtherMayBeOpened = visible.Contains(other.Id),
                    Version = r.Version,
                };
            })
            .OrderByDescending(r => r.IsCurrent).ThenByDescending(r => r.PosesRisk).ThenBy(r => r.Type).ThenBy(r => r.OtherName ?? "",
                StringComparer.OrdinalIgnoreCase)
            .ToList();

        var householdItems = households
            .Select(h =>
            {
                var stay = h.Members.Where(m => m.PersonId == id).OrderByDescending(m => m.JoinedOn).First();
                var members = h.Members
                    .OrderByDescending(m => m.IsCurrentOn(today)).ThenBy(m => m.JoinedOn)
                    .Select(m => new FamilyHouseholdMember(m.PersonId, NameOf(m.PersonId), people[m.PersonId].Kind, m.JoinedOn, m.LeftOn,
                        m.IsCurrentOn(today)))
                    .ToList();
                return new FamilyHousehold(h.Id, h.Name, stay.JoinedOn, stay.LeftOn, stay.LeftOn is null, members, h.Version);
            })
            .OrderByDescending(h => h.IsCurrent).ThenByDescending(h => h.JoinedOn)
            .ToList();

        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == id)
            .GroupJoin(db.LocalAuthorities, a => a.LocalAuthorityCode, la => la.Code, (a, las) => new { a, las })
            .SelectMany(x => x.las.DefaultIfEmpty(), (x, la) => new { x.a, Authority = la == null ? null : la.UpperTierName })
            .ToListAsync(cancellationToken);
        var addressItems = addresses
            .OrderByDescending(x => x.a.From)
            .Select(x => new FamilyAddress
            {
                Id = x.a.Id,
                Line1 = x.a.Line1,
                Line2 = x.a.Line2,
                Town = x.a.Town,
                Postcode = x.a.Postcode,
                LocalAuthorityCode = x.a.LocalAuthorityCode,
                LocalAuthority = x.Authority,
                Easting = x.a.Easting,
                Northing = x.a.Northing,
                From = x.a.From,
                To = x.a.To,
                IsCurrent = x.a.IsCurrentOn(today),
                Version = x.a.Version,
            })
            .ToList();

        return new FamilyPage(id, $"{person.GivenName} {person.FamilyName}", person.Kind, relationshipItems, householdItems, addressItems)
        {
            ParentsWorkers = person.Kind == PersonKind.Child ? await workers.ParentsWorkersAsync(id, cancellationToken) : [],
        };
    }
}
