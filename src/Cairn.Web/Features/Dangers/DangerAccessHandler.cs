using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Domain.Places;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Dangers;

/// <summary>A place of concern as the pages and the API show it (L35).</summary>
public sealed record PlaceOfConcernView(PlaceOfConcernId Id, PersonId? ChildId, string Name, string Postcode, RiskKind Kind, string Risk,
    DateOnly From, DateOnly? To, bool IsCurrent, int Version);

/// <summary>
/// A child's dangers (L35): each person posing a risk with where they pose it, the places named for the child (ended ones too, as
/// history), and the dangers the matching engine would check, split into those with a location and those without.
/// </summary>
public sealed record ChildDangersPage(PersonId ChildId, IReadOnlyList<RiskPerson> People, IReadOnlyList<PlaceOfConcernView> Places,
    ChildDangers Dangers, bool MayRecord);

/// <summary>
/// What the danger slices share (L35): who may see and record what, and how places are read. A child's dangers (people posing a
/// risk, places named for the child) are part of the child's record: anyone who may open it sees them (the need-to-know rule),
/// and children's social care and the front door record them. Area-wide places (hotspots) are seen and recorded by the area's
/// children's social care, police, front door and safeguarding leads; no one else, and never another area's.
/// </summary>
public sealed class DangerAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, TimeProvider clock)
{
    public const string PlaceRecordType = "place-of-concern";
    public const string PersonRecordType = "risk-person";

    public static Refusal NotTheirs => Refusal.NotAllowed("Kind",
        "Only children's social care and the front door can record where a danger to a child is. Tell the child's social worker.");

    public static Refusal AreaNotTheirs => Refusal.NotAllowed("Kind",
        "Only the area's children's social care, police, front door and safeguarding leads can see or record area-wide places of concern.");

    public async Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) =>
        (await access.OpenAsync(child, cancellationToken)).Allowed;

    /// <summary>Whether the viewer, who may open the child's record, may record its dangers: children's social care or the front door.</summary>
    public async Task<bool> MayRecordForChildAsync(CancellationToken cancellationToken) =>
        IsPractitioner && (user.Has(Role.FrontDoor) || await AgencyIsAsync([AgencyKind.ChildrensSocialCare], cancellationToken));

    /// <summary>
    /// The area whose area-wide places the viewer may see and record: their own, when they are its children's social care, police,
    /// front door or a safeguarding lead; otherwise null.
    /// </summary>
    public async Task<AreaId?> HotspotAreaAsync(CancellationToken cancellationToken) =>
        // An administrator's account is in an agency too; their role reaches accounts and reference data, never hotspots.
        IsPractitioner && !user.Has(Role.Administrator) && (user.Has(Role.FrontDoor) || user.Has(Role.SafeguardingLead)
                                                    || await AgencyIsAsync([AgencyKind.ChildrensSocialCare, AgencyKind.Police], cancellationToken))
            ? user.AreaId
            : null;

    /// <summary>The area responsible for the person's record.</summary>
    public Task<AreaId> AreaOfAsync(PersonId child, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);

    /// <summary>Where a postcode is, or null when it is not a postcode or not in the directory (the domain says which).</summary>
    public async Task<PostcodeLocation?> LocateAsync(string? postcode, CancellationToken cancellationToken) =>
        Postcode.TryParse(postcode, out var parsed, out _) ? await PostcodeImporter.LocateAsync(db, parsed, cancellationToken) : null;

    /// <summary>
    /// The child's dangers; area-wide places are included when they matter for <paramref name="vulnerabilities"/>. Access is
    /// checked by the caller.
    /// </summary>
    public async Task<ChildDangersPage> DangersOfAsync(PersonId child, IReadOnlyCollection<Vulnerability> vulnerabilities,
        CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var area = await AreaOfAsync(child, cancellationToken);
        var people = await ChildDangerQuery.RiskPeopleAsync(db, child, today, cancellationToken);
        var places = (await db.PlacesOfConcern.AsNoTracking().Where(p => p.ChildId == child).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.IsCurrentOn(today)).ThenByDescending(p => p.From).Select(p => View(p, today)).ToList();
        return new ChildDangersPage(child, people, places, await ChildDangerQuery.ForAsync(db, child, area, vulnerabilities, today,
            cancellationToken),
            await MayRecordForChildAsync(cancellationToken));
    }

    public static PlaceOfConcernView View(PlaceOfConcern p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PlaceOfConcernView(p.Id, p.ChildId, p.Name, p.Postcode, p.Kind, p.Risk, p.From, p.To, p.IsCurrentOn(today), p.Version);
    }

    private bool IsPractitioner => user.IsSignedIn && !(user.Has(Role.Administrator) && !user.Has(Role.Practitioner));

    private async Task<bool> AgencyIsAsync(AgencyKind[] kinds, CancellationToken cancellationToken) =>
        await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && kinds.Contains(a.Kind), cancellationToken);
}
