using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Places;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Referrals;

/// <summary>A referral ranked against the register, with what the ranking could not check.</summary>
/// <param name="Result">The ranked options and the settings excluded, with why.</param>
/// <param name="ResidentsWithoutRisks">For each setting, how many current residents have no risks recorded: never read as "no risk".</param>
/// <param name="Unlocated">Dangers recorded for the child that have no location and so could not be checked against distance.</param>
public sealed record ReferralMatch(MatchResult Result, IReadOnlyDictionary<SettingId, int> ResidentsWithoutRisks, int Unlocated);

/// <summary>
/// Puts a referral beside every setting on the area's register (L33, L34, L35, L41): the child's needs, the people and places that
/// pose a risk to them, and each setting's current residents, through <see cref="PlacementMatcher"/>. A resident is named in an
/// explanation only to a viewer who may open their record; to anyone else they are "a current resident". The caller has checked
/// the viewer may open the referred child's record.
/// </summary>
public sealed class ReferralMatchingHandler(CairnDbContext db, PlacementResidentsHandler residents, PlacementMatchCache cache,
    RecordAccessService access, TimeProvider clock)
{
    /// <summary>Ranks the referral against the settings given (every setting on the viewer's area's register when null).</summary>
    public async Task<ReferralMatch> MatchAsync(PlacementReferral referral, IReadOnlyCollection<SettingId>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var viewer = await access.ViewerAsync(cancellationToken);
        var child = await db.People.AsNoTracking().SingleAsync(p => p.Id == referral.ChildId, cancellationToken);
        var areaCode = await db.Areas.AsNoTracking().Where(a => a.Id == child.AreaId).Select(a => a.LocalAuthorityCode)
            .SingleAsync(cancellationToken);
        var today = clock.Today();
        var age = Math.Max(0, child.AgeOn(today) ?? 0);
        var details = referral.Details;
        var dangers = await ChildDangersAsync(referral.ChildId, child.AreaId, details.Vulnerabilities, cancellationToken);
        var request = new MatchRequest
        {
            AgeInYears = age,
            Sex = child.Sex,
            AcceptableTypes = details.AcceptableTypes,
            Needs = details.Needs,
            Staffing = details.Staffing,
            NeedsWakingNightStaff = details.WakingNightStaff,
            Restrictions = details.Restrictions,
            Home = await LocateAsync(details.HomePostcode, cancellationToken),
            School = await LocateAsync(details.SchoolPostcode, cancellationToken),
            RisksToOthers = details.RisksToOthers,
            Vulnerabilities = details.Vulnerabilities,
            Dangers = dangers.Located,
            PlacingAreaCodes = [areaCode],
        };

        // The whole register comes from the cache (exact: read afresh whenever a setting changed); a few settings, as admission
        // re-checks one, straight from the database.
        IReadOnlyList<PlacementSetting> settings;
        if (only is null)
        {
            settings = await cache.RegisterAsync(db, child.AreaId, cancellationToken);
        }
        else
        {
            var ids = only.ToList();
            settings = await db.PlacementSettings.AsNoTracking().Where(s => s.AreaId == child.AreaId && ids.Contains(s.Id))
                .ToListAsync(cancellationToken);
        }

        var candidates = settings.Select(s => new CandidateSetting
        {
            Id = s.Id,
            Name = s.Name,
            Type = s.Type,
            MinimumAge = s.MinAge,
            MaximumAge = s.MaxAge,
            SexesAccepted = s.Sexes switch { SexesAccepted.Male => [Sex.Male], SexesAccepted.Female => [Sex.Female], _ => [] },
            Judgement = s.LastJudgement,
            Suspended = s.RegistrationSuspended,
            Vacancies = s.Vacancies ?? 0,
            Specialisms = s.Specialisms,
            MaximumStaffing = s.Staffing,
            WakingNightStaff = s.WakingNightStaff,
            RestrictionsSupported = s.Restrictions,
            Location = new PostcodeLocation(s.IsInArea(areaCode) ? areaCode : s.LocalAuthorityCode, s.Easting, s.Northing),
        }).ToList();

        // Residents count for scores and conflicts, never for whether a setting is an option at all: only the options' residents
        // are read (a third of the register for a typical referral), with their latest referrals.
        var eligible = PlacementMatcher.Eligible(request, candidates);
        var profiles = eligible.Count == 0
            ? []
            : (await residents.ProfilesAsync(eligible, cancellationToken)).Where(r => r.ChildId != referral.ChildId).ToList();

        // Names are read only for the residents the viewer may open: their own caseload's, or, for an area-wide viewer, those of
        // their area (the resident ids go as one parameter: thousands of residents would otherwise be thousands of parameters).
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var openable = profiles.Select(r => r.ChildId).Where(id => visible?.Contains(id) ?? true).Distinct().ToList();
        var areaWide = visible is null;
        var area = viewer.Area;
        var names = openable.Count == 0
            ? new Dictionary<PersonId, string>()
            : await db.People.AsNoTracking()
                .Where(p => EF.Parameter(openable).Contains(p.Id) && (!areaWide || p.AreaId == area))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName })
                .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
        var bySetting = profiles.GroupBy(r => r.SettingId).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < candidates.Count; i++)
        {
            if (bySetting.TryGetValue(candidates[i].Id, out var living))
            {
                candidates[i] = candidates[i] with
                {
                    Residents = [.. living.Select(r => names.TryGetValue(r.ChildId, out var name)
                        ? new Resident(r.ChildId.Value.ToString(), true, name, r.RisksToOthers, r.Vulnerabilities)
                        : new Resident(r.ChildId.Value.ToString(), false, null, r.RisksToOthers, r.Vulnerabilities))],
                };
            }
        }

        var unknown = profiles.Where(r => !r.Known).GroupBy(r => r.SettingId).ToDictionary(g => g.Key, g => g.Count());
        return new ReferralMatch(PlacementMatcher.Rank(request, candidates), unknown, dangers.Unlocated);
    }

    /// <summary>The warnings that need a manager's override before placing the child in this option (L34, L35).</summary>
    public static IReadOnlyList<string> WarningsOf(PlacementOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return [.. option.DangerFlags.Select(f => f.Text), .. option.Conflicts.Select(c => c.Text)];
    }

    private async Task<PostcodeLocation?> LocateAsync(string? postcode, CancellationToken cancellationToken) =>
        postcode is not null && Postcode.TryParse(postcode, out var parsed, out _)
            ? await PostcodeImporter.LocateAsync(db, parsed, cancellationToken)
            : null;

    /// <summary>
    /// The people and places that pose a risk to the child, with locations (L35): people posing a risk to this child, places named for
    /// them, and the area's places of concern whose kind endangers them; and how many could not be located (the page warns).
    /// </summary>
    private async Task<(IReadOnlyList<Danger> Located, int Unlocated)> ChildDangersAsync(PersonId child, AreaId area,
        IReadOnlyList<Vulnerability> vulnerabilities, CancellationToken cancellationToken)
    {
        var dangers = await ChildDangerQuery.ForAsync(db, child, area, vulnerabilities, clock.Today(), cancellationToken);
        var located = dangers.Located.Where(d => d.Location is not null)
            .Select(d => new Danger(d.Label, d.Source == Domain.Placements.Dangers.DangerSource.Person ? DangerSource.Person : DangerSource.Place,
                d.Location!, d.Kind ?? RiskKind.Other))
            .ToList();
        return (located, dangers.Unlocated.Count);
    }
}
