using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Returns;

/// <summary>
/// How Cairn's own values become 903 codes (<c>data/returns/cairn_ssda903_mapping.csv</c>): legal status kinds to LS, sex to
/// SEX for the year, where a child went missing from to MISSING. Placements already hold the DfE's codes (PLACE,
/// PLACE_PROVIDER, URN, REASON_PLACE_CHANGE); the category of need and the reason care ceased are recorded on the legal status.
/// </summary>
public static class Ssda903Mapping
{
    public const string FileName = "cairn_ssda903_mapping.csv";

    private static readonly Lazy<IReadOnlyDictionary<(string List, string Value), string>> Rows = new(() =>
        ReturnsData.Rows(FileName).ToDictionary(r => (r["list"], r["cairn_value"]), r => r["code"]));

    /// <summary>The 903 legal status (LS) of a Cairn legal status; null when the child is not looked after under it.</summary>
    public static string? LegalStatus(LegalStatusKind kind) => Rows.Value.GetValueOrDefault(("LS", kind.ToString()));

    /// <summary>The kinds under which a child is on the 903.</summary>
    public static IReadOnlyList<LegalStatusKind> LookedAfterKinds { get; } =
        Enum.GetValues<LegalStatusKind>().Where(k => LegalStatus(k) is not null).ToList();

    /// <summary>SEX: M, F or U from 2024/25; 1 or 2 before (blank for unknown, which the DfE's rule 101 then reports).</summary>
    public static string Sex(Sex sex, CollectionYear year) =>
        Rows.Value.GetValueOrDefault((year.EndingYear >= 2025 ? "SEX" : "SEX_TO_2023_24", sex.ToString())) ?? "";

    public static string Missing(Domain.Missing.MissingFrom from) => Rows.Value.GetValueOrDefault(("MISSING", from.ToString())) ?? "M";
}

/// <summary>The 903 built from the record, with the person behind each child id on it (for links to where a failure is fixed).</summary>
public sealed record Ssda903FromRecord(Ssda903Return Return, IReadOnlyDictionary<string, PersonId> People)
{
    /// <summary>Rows per table, in the layout's order: what an audit entry may hold (never a name).</summary>
    public string RowCounts => string.Join(", ", Return.Tables.Select(t => $"{t.Key} {t.Value.Count}"));
}

/// <summary>
/// Reads an area's record for a collection year into the 903's input (<see cref="LookedAfterChild"/>) and builds the return
/// (issue #19; L41, L44): every child with a looked-after legal status before the year's end, their whole legal status and
/// placement history (episodes are derived from it, so the history before the year decides RNE), their held looked-after
/// reviews and their missing episodes. The child id on the return is the first ten characters of the person's id, the same
/// every year. The caller decides who may see it and audits it.
/// </summary>
public sealed class Ssda903RecordHandler(CairnDbContext db)
{
    public const int ChildIdLength = 10;

    public static string ChildIdOf(PersonId person) => person.Value.ToString("N")[..ChildIdLength].ToUpperInvariant();

    public async Task<Ssda903FromRecord> BuildAsync(AreaId areaId, CollectionYear year, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == areaId).Select(a => a.LocalAuthorityCode).SingleAsync(cancellationToken);
        var kinds = Ssda903Mapping.LookedAfterKinds.ToList();
        var end = year.End;
        var ids = db.LegalStatuses.Where(s => kinds.Contains(s.Kind) && s.From <= end).Select(s => s.ChildId);
        var people = await db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Kind == PersonKind.Child && ids.Contains(p.Id))
            .ToListAsync(cancellationToken);
        var chosen = people.Select(p => p.Id).ToList();
        var statuses = (await db.LegalStatuses.AsNoTracking().Where(s => chosen.Contains(s.ChildId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.ChildId);
        var placements = (await db.Placements.AsNoTracking().Where(p => chosen.Contains(p.ChildId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.ChildId);
        var missing = (await db.MissingEpisodes.AsNoTracking().Where(m => chosen.Contains(m.ChildId))
            .Select(m => new { m.ChildId, m.From, m.StartedAt, m.EndedAt }).ToListAsync(cancellationToken)).ToLookup(m => m.ChildId);
        var reviews = (await db.Meetings.AsNoTracking()
            .Where(m => chosen.Contains(m.ChildId) && m.Kind == MeetingKind.LookedAfterReview && m.Status == MeetingStatus.Held
                        && m.HeldOn != null)
            .Select(m => new { m.ChildId, HeldOn = m.HeldOn!.Value }).ToListAsync(cancellationToken)).ToLookup(m => m.ChildId);
        var addresses = (await db.Addresses.AsNoTracking().Where(a => chosen.Contains(a.PersonId))
            .Select(a => new { a.PersonId, a.Postcode, a.From, a.To }).ToListAsync(cancellationToken)).ToLookup(a => a.PersonId);

        var children = new List<LookedAfterChild>();
        var byId = new Dictionary<string, PersonId>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var history = statuses[person.Id].OrderBy(s => s.From).ToList();
            var periods = history.Where(s => Ssda903Mapping.LegalStatus(s.Kind) is not null)
                .Select(s => new LegalStatusPeriod(Ssda903Mapping.LegalStatus(s.Kind)!, s.From, s.To?.AddDays(1), s.ReasonCareCeased))
                .ToList();
            var started = history.LastOrDefault(s => s.NeedCode is not null && s.From <= end);
            var firstInCare = periods.Count == 0 ? (DateOnly?)null : periods[^1].Start;
            var home = firstInCare is { } since
                ? addresses[person.Id].Where(a => a.From < since).OrderByDescending(a => a.From).Select(a => a.Postcode).FirstOrDefault()
                : null;
            var born = person.DateOfBirth ?? person.ExpectedDateOfBirth ?? end;
            var childId = ChildIdOf(person.Id);
            byId[childId] = person.Id;
            children.Add(new LookedAfterChild
            {
                ChildId = childId,
                Sex = Ssda903Mapping.Sex(person.Sex, year),
                DateOfBirth = born,
                Ethnicity = person.EthnicityCode ?? "",
                // UN1: not of school age (under 5 at the end of the year) and no UPN yet; otherwise the UPN held, or blank.
                Upn = person.Upn ?? (born.AddYears(5) > end ? "UN1" : ""),
                CategoryOfNeed = started?.NeedCode ?? "",
                HomePostcode = home,
                LegalStatuses = periods,
                Placements = Placements(placements[person.Id].OrderBy(p => p.StartedOn).ToList()),
                Reviews = reviews[person.Id].Select(r => new LookedAfterReview(r.HeldOn,
                    born.AddYears(4) > r.HeldOn ? "PN0" : "")).ToList(),
                MissingEpisodes = missing[person.Id].Select(m => new MissingPeriod(Ssda903Mapping.Missing(m.From), m.StartedAt.InLondon(),
                    m.EndedAt?.InLondon())).ToList(),
            });
        }

        var resolve = await ResolverAsync(area, children, cancellationToken);
        return new Ssda903FromRecord(EpisodeBuilder.Build(year, area, children, resolve), byId);
    }

    /// <summary>
    /// Placement periods: a placement that ended the day before the next began meets it (the child moved overnight), so no gap
    /// opens a new period of care; the carer is the setting on the register, or the placement's postcode when there is none.
    /// </summary>
    private static List<PlacementPeriod> Placements(List<Domain.Placements.Placement> placements)
    {
        var periods = new List<PlacementPeriod>();
        for (var i = 0; i < placements.Count; i++)
        {
            var p = placements[i];
            var next = i + 1 < placements.Count ? placements[i + 1].StartedOn : (DateOnly?)null;
            var end = p.EndedOn is { } ended && next is { } n && n == ended.AddDays(1) ? n : p.EndedOn;
            var carer = p.Where.SettingId?.Value.ToString() ?? p.Where.Postcode ?? p.Id.Value.ToString();
            periods.Add(new PlacementPeriod(p.StartedOn, end, p.Where.PlacementType ?? "", p.Where.Provider, p.Where.Urn, p.Where.Postcode,
                carer, p.ReasonForChange));
        }

        return periods;
    }

    /// <summary>
    /// The postcodes the return needs, located from the postcode table: the upper-tier authority (PL_LA) from the local
    /// authorities table, and the area's own code for a postcode in the area, so PL_LOCATION is IN.
    /// </summary>
    private async Task<Func<string, PostcodeLocation?>> ResolverAsync(string area, List<LookedAfterChild> children,
        CancellationToken cancellationToken)
    {
        var wanted = children.SelectMany(c => c.Placements.Select(p => p.Postcode).Append(c.HomePostcode))
            .OfType<string>().Select(p => Postcode.TryParse(p, out var parsed, out _) ? parsed.ToString() : null).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, PostcodeLocation>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(500))
        {
            var rows = await db.Postcodes.AsNoTracking().Where(p => chunk.Contains(p.Postcode))
                .GroupJoin(db.LocalAuthorities, p => p.LocalAuthorityCode, l => l.Code, (p, l) => new { p, l })
                .SelectMany(x => x.l.DefaultIfEmpty(), (x, l) => new
                {
                    x.p.Postcode,
                    x.p.LocalAuthorityCode,
                    Upper = l == null ? null : l.UpperTierCode,
                    x.p.Easting,
                    x.p.Northing,
                })
                .ToListAsync(cancellationToken);
            foreach (var r in rows)
            {
                var code = r.LocalAuthorityCode == area || r.Upper == area ? area : string.IsNullOrEmpty(r.Upper) ? r.LocalAuthorityCode : r.Upper;
                found[r.Postcode] = new PostcodeLocation(code, r.Easting, r.Northing);
            }
        }

        return postcode => Postcode.TryParse(postcode, out var parsed, out _) ? found.GetValueOrDefault(parsed.ToString()) : null;
    }
}
