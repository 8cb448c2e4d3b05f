using System.Collections.Concurrent;
using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Register;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements;

/// <summary>What matching needs of a resident's latest referral: whether its risk section was answered, and the risks both ways (L34).</summary>
public sealed record ReferralRisks(bool Answered, IReadOnlyList<RiskToOthers> RisksToOthers, IReadOnlyList<Vulnerability> Vulnerabilities);

/// <summary>
/// What matching reads again and again, kept exactly (issue #15's whole-request target): an area's register, and each referral's risks.
/// Neither is ever out of date. The register is kept with its stamp — how many settings the area has and the sum of their versions,
/// which every change to a setting (details, vacancies, suspension) raises — and read afresh whenever the stamp moves; a referral's
/// risks are kept by the referral's id and version, which every change raises. Reading them whole each time meant turning thousands of
/// JSON columns back into objects on every request (the register's specialisms and restrictions, every resident's referral).
/// A singleton: what it keeps is shared by every request and never changed in place.
/// </summary>
public sealed class PlacementMatchCache
{
    private readonly ConcurrentDictionary<AreaId, KeptRegister> _registers = new();
    private readonly ConcurrentDictionary<PlacementReferralId, KeptRisks> _risks = new();

    /// <summary>The area's settings as the database holds them now: kept ones when the stamp has not moved, else read afresh.</summary>
    public async Task<IReadOnlyList<PlacementSetting>> RegisterAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = db.PlacementSettings.AsNoTracking().Where(s => s.AreaId == area);
        var count = await settings.CountAsync(cancellationToken);
        var versions = count == 0 ? 0 : await settings.SumAsync(s => (long)s.Version, cancellationToken);
        if (_registers.TryGetValue(area, out var kept) && kept.Count == count && kept.Versions == versions)
        {
            return kept.Settings;
        }

        // Read after the stamp: a change in between leaves newer settings under an older stamp, which the next request reads afresh.
        var read = await settings.ToListAsync(cancellationToken);
        _registers[area] = new KeptRegister(count, versions, read);
        return read;
    }

    /// <summary>The risks of the referrals given (id and version), each read from the database only when not kept at that version.</summary>
    public async Task<IReadOnlyDictionary<PlacementReferralId, ReferralRisks>> RisksAsync(CairnDbContext db,
        IReadOnlyCollection<(PlacementReferralId Id, int Version)> referrals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(referrals);
        var found = new Dictionary<PlacementReferralId, ReferralRisks>(referrals.Count);
        var missing = new List<PlacementReferralId>();
        foreach (var (id, version) in referrals)
        {
            if (_risks.TryGetValue(id, out var kept) && kept.Version == version)
            {
                found[id] = kept.Risks;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var read = await db.PlacementReferrals.AsNoTracking().Where(r => EF.Parameter(missing).Contains(r.Id))
                .Select(r => new { r.Id, r.Version, r.Details }).ToListAsync(cancellationToken);
            foreach (var r in read)
            {
                var risks = new ReferralRisks(r.Details.RisksAnswered, r.Details.RisksToOthers, r.Details.Vulnerabilities);
                _risks[r.Id] = new KeptRisks(r.Version, risks);
                found[r.Id] = risks;
            }
        }

        return found;
    }

    /// <summary>Forgets everything kept (the benchmark's first-request case).</summary>
    public void Clear()
    {
        _registers.Clear();
        _risks.Clear();
    }

    private sealed record KeptRegister(int Count, long Versions, IReadOnlyList<PlacementSetting> Settings);

    private sealed record KeptRisks(int Version, ReferralRisks Risks);
}
