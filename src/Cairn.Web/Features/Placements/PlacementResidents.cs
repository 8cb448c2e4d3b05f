using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements;

/// <summary>
/// A child living in a setting now. The name is there only when the viewer may open the child's record; otherwise the child is
/// counted, never named (need-to-know reaches into the register too).
/// </summary>
public sealed record SettingResident(PersonId? ChildId, string? Name, DateOnly Since, bool ViewerMayOpen);

/// <summary>What matching knows of a resident: the risks they pose to others and the harm they are vulnerable to (L34).</summary>
/// <param name="Known">Whether a submitted referral says what their risks are: unknown is never read as "none" (L34).</param>
public sealed record ResidentProfile(PersonId ChildId, SettingId SettingId, DateOnly Since, bool Known, IReadOnlyList<RiskToOthers> RisksToOthers,
    IReadOnlyList<Vulnerability> Vulnerabilities);

/// <summary>
/// The children living in settings now, from their current placements: the one place the setting's page, matching and admission
/// ask. A resident's risks and vulnerabilities are those of their latest submitted referral (updated by the placement planning
/// meeting's matching assessment through a changed referral).
/// </summary>
public sealed class PlacementResidentsHandler(CairnDbContext db, RecordAccessService access, AuditLog audit, PlacementMatchCache cache,
    TimeProvider clock)
{
    /// <summary>The children living in one setting now, named only to a viewer who may open their record; reading a named one is audited.</summary>
    public async Task<IReadOnlyList<SettingResident>> OfSettingAsync(SettingId setting, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var rows = await db.Placements.AsNoTracking()
            .Where(p => p.Where.SettingId == setting && p.StartedOn <= today && p.EndedOn == null)
            .Join(db.People, p => p.ChildId, c => c.Id, (p, c) => new { p.ChildId, p.StartedOn, c.GivenName, c.FamilyName })
            .ToListAsync(cancellationToken);
        var visible = await access.VisiblePeopleAsync(cancellationToken);
        var area = (await access.ViewerAsync(cancellationToken)).Area;
        var sameArea = visible is null
            ? (await db.People.AsNoTracking().Where(p => rows.Select(r => r.ChildId).Contains(p.Id) && p.AreaId == area).Select(p => p.Id)
                .ToListAsync(cancellationToken)).ToHashSet()
            : null;
        var residents = new List<SettingResident>();
        foreach (var row in rows.OrderBy(r => r.StartedOn))
        {
            var mayOpen = visible?.Contains(row.ChildId) ?? sameArea!.Contains(row.ChildId);
            if (mayOpen)
            {
                await audit.RecordReadAsync("placement.residents.view", row.ChildId, null, cancellationToken);
                residents.Add(new SettingResident(row.ChildId, $"{row.GivenName} {row.FamilyName}", row.StartedOn, true));
            }
            else
            {
                residents.Add(new SettingResident(null, null, row.StartedOn, false));
            }
        }

        return residents;
    }

    /// <summary>The current residents of the given settings (all of them when null), with what matching needs to know of each.</summary>
    public async Task<IReadOnlyList<ResidentProfile>> ProfilesAsync(IReadOnlyCollection<SettingId>? settings, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var current = db.Placements.AsNoTracking().Where(p => p.Where.SettingId != null && p.StartedOn <= today && p.EndedOn == null);
        if (settings is not null)
        {
            var ids = settings.Select(s => (SettingId?)s).ToList();
            current = current.Where(p => EF.Parameter(ids).Contains(p.Where.SettingId));
        }

        var placed = await current.Select(p => new { p.ChildId, SettingId = p.Where.SettingId!.Value, p.StartedOn }).ToListAsync(cancellationToken);
        var children = placed.Select(p => p.ChildId).ToList();
        // One parameter for the list: a register's residents run to thousands. Each child's latest submitted referral is found
        // from its id, version and date alone; its risks come from the cache, read only when not kept at that version.
        var referrals = await db.PlacementReferrals.AsNoTracking()
            .Where(r => EF.Parameter(children).Contains(r.ChildId) && r.SubmittedAt != null)
            .Select(r => new { r.Id, r.ChildId, r.SubmittedAt, r.Version })
            .ToListAsync(cancellationToken);
        var latest = referrals.GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.SubmittedAt)!);
        var risks = await cache.RisksAsync(db, latest.Values.Select(r => (r.Id, r.Version)).ToList(), cancellationToken);
        return placed.Select(p => latest.TryGetValue(p.ChildId, out var referral) && risks.TryGetValue(referral.Id, out var r)
                ? new ResidentProfile(p.ChildId, p.SettingId, p.StartedOn, r.Answered, r.RisksToOthers, r.Vulnerabilities)
                : new ResidentProfile(p.ChildId, p.SettingId, p.StartedOn, false, [], []))
            .ToList();
    }
}
