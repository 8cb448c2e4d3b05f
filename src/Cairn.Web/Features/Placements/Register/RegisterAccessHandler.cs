using Cairn.Domain;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Places;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Register;

/// <summary>A provider as the register shows it, with its SSDA903 code.</summary>
public sealed record ProviderView(ProviderId Id, string Name, ProviderKind Kind, string KindCode, string? Phone, string? Email, int Version,
    int Settings);

/// <summary>One vacancy count as recorded.</summary>
public sealed record VacancyView(int Vacancies, DateOnly From, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>One version of a setting: when, by whom, and which fields it changed (none for the first).</summary>
public sealed record SettingRevisionView(int Version, DateTimeOffset At, string By, IReadOnlyList<string> Changed);

/// <summary>A setting as its page and the API show it: every fact on the register, its vacancies over time and its versions.</summary>
public sealed record SettingView
{
    public required SettingId Id { get; init; }
    public required ProviderId ProviderId { get; init; }
    public required string ProviderName { get; init; }
    public required ProviderKind ProviderKind { get; init; }
    public required SettingDetails Details { get; init; }
    /// <summary>The upper-tier authority running children's services where it is, by name when known.</summary>
    public required string LocalAuthority { get; init; }
    public required bool InArea { get; init; }
    public required int? Vacancies { get; init; }
    public required DateOnly? VacanciesFrom { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<VacancyView> VacancyHistory { get; init; }
    public required IReadOnlyList<SettingRevisionView> Revisions { get; init; }
}

/// <summary>
/// What the register's slices share (L33): who may read and change it (<see cref="RegisterRights"/>), where a postcode is, how a
/// provider and a setting are shown, and the one path every change to an existing setting takes (check, change, audit, save or
/// conflict). The register holds no child's data: a viewer outside children's social care is refused (403) rather than told
/// nothing exists; a provider or setting of another area is not found (404).
/// </summary>
public sealed class RegisterAccessHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string ProviderRecord = "placement-provider";
    public const string SettingRecord = "placement-setting";

    public const string ForSocialCare = "The placement register is for children's social care.";

    public const string ForManagers = "Only a manager or administrator in children's social care can change the placement register. "
                                      + "Ask your team manager.";

    /// <summary>Viewing refused (403): the viewer is not in children's social care.</summary>
    public static Refusal NotForYou => Refusal.NotAllowed("Register", ForSocialCare);

    /// <summary>A change refused (403): the viewer reads the register but does not keep it.</summary>
    public static Refusal NotTheirs => Refusal.NotAllowed("Register", ForManagers);

    public async Task<bool> MayViewAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && RegisterRights.MayView(await AgencyKindAsync(cancellationToken));

    public async Task<bool> MayChangeAsync(CancellationToken cancellationToken) =>
        user.IsSignedIn && RegisterRights.MayChange(await AgencyKindAsync(cancellationToken), user.Roles);

    /// <summary>Where the postcode typed is, with the upper-tier authority there; null when it is not a postcode or not in the directory.</summary>
    public async Task<SettingPlace?> LocateAsync(string? postcode, CancellationToken cancellationToken)
    {
        if (!Postcode.TryParse(postcode, out var parsed, out _) || await PostcodeImporter.LocateAsync(db, parsed, cancellationToken) is not { } at)
        {
            return null;
        }

        var upper = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == at.LocalAuthorityCode).Select(l => l.UpperTierCode)
            .FirstOrDefaultAsync(cancellationToken);
        return new SettingPlace(at, string.IsNullOrEmpty(upper) ? at.LocalAuthorityCode : upper);
    }

    /// <summary>The viewer's area's own local authority code: what "in the area" is measured against (L41).</summary>
    public Task<string> AreaCodeAsync(CancellationToken cancellationToken) =>
        db.Areas.AsNoTracking().Where(a => a.Id == user.AreaId).Select(a => a.LocalAuthorityCode).SingleAsync(cancellationToken);

    /// <summary>The viewer's area's providers, by name, each with how many settings it has.</summary>
    public async Task<IReadOnlyList<ProviderView>> ProvidersAsync(ProviderId? only, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var rows = await db.PlacementProviders.AsNoTracking().Where(p => p.AreaId == area && (only == null || p.Id == only))
            .Select(p => new { p.Id, p.Name, p.Kind, p.Phone, p.Email, p.Version, Settings = db.PlacementSettings.Count(s => s.ProviderId == p.Id) })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new ProviderView(p.Id, p.Name, p.Kind, ProviderKinds.Code(p.Kind), p.Phone, p.Email, p.Version, p.Settings)).ToList();
    }

    /// <summary>A setting on the viewer's area's register; null when there is none with this id there.</summary>
    public async Task<SettingView?> SettingAsync(SettingId id, CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var setting = await db.PlacementSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AreaId == area, cancellationToken);
        if (setting is null)
        {
            return null;
        }

        var provider = await db.PlacementProviders.AsNoTracking().SingleAsync(p => p.Id == setting.ProviderId, cancellationToken);
        var vacancies = await db.SettingVacancies.AsNoTracking().Where(v => v.SettingId == id).ToListAsync(cancellationToken);
        var revisions = await db.SettingRevisions.AsNoTracking().Where(r => r.SettingId == id).ToListAsync(cancellationToken);
        var people = vacancies.Select(v => v.RecordedBy).Concat(revisions.Select(r => r.By)).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var authority = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == setting.LocalAuthorityCode).Select(l => l.UpperTierName)
            .FirstOrDefaultAsync(cancellationToken);
        return new SettingView
        {
            Id = setting.Id,
            ProviderId = provider.Id,
            ProviderName = provider.Name,
            ProviderKind = provider.Kind,
            Details = setting.Details,
            LocalAuthority = authority ?? setting.UpperTierCode,
            InArea = setting.IsInArea(await AreaCodeAsync(cancellationToken)),
            Vacancies = setting.Vacancies,
            VacanciesFrom = setting.VacanciesFrom,
            Version = setting.Version,
            VacancyHistory = vacancies.OrderByDescending(v => v.From).ThenByDescending(v => v.Id)
                .Select(v => new VacancyView(v.Vacancies, v.From, v.RecordedAt, names.GetValueOrDefault(v.RecordedBy, ""))).ToList(),
            Revisions = revisions.OrderByDescending(r => r.Version)
                .Select(r => new SettingRevisionView(r.Version, r.At, names.GetValueOrDefault(r.By, ""), r.Changed)).ToList(),
        };
    }

    /// <summary>
    /// Changes a setting on the viewer's register: not found when there is none with this id there; refused (403) unless the viewer
    /// keeps the register; otherwise <paramref name="change"/> changes it and says what to audit (null: nothing changed), and it is
    /// saved or answered with a conflict. Refusals are audited under <paramref name="action"/> too.
    /// </summary>
    public async Task<Handled<SettingView>> ChangeSettingAsync(SettingId id, string action,
        Func<PlacementSetting, DateTimeOffset, Task<Outcome<string?>>> change, CancellationToken cancellationToken)
    {
        if (!await MayViewAsync(cancellationToken))
        {
            return await RefusedAsync(action, SettingRecord, id.Value, NotForYou, cancellationToken);
        }

        var area = user.AreaId;
        var setting = await db.PlacementSettings.SingleOrDefaultAsync(s => s.Id == id && s.AreaId == area, cancellationToken);
        if (setting is null)
        {
            return Handled.NotFound;
        }

        if (!await MayChangeAsync(cancellationToken))
        {
            return await RefusedAsync(action, SettingRecord, id.Value, NotTheirs, cancellationToken);
        }

        var outcome = await change(setting, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return await RefusedAsync(action, SettingRecord, id.Value, refusal, cancellationToken);
        }

        if (outcome.Value is { } detail)
        {
            audit.Record(action, null, SettingRecord, id.Value, detail: detail);
            if (await db.SaveOrConflictAsync(PlacementSetting.Stale, cancellationToken) is { } conflict)
            {
                return await RefusedAsync(action, SettingRecord, id.Value, conflict, cancellationToken);
            }
        }

        return (await SettingAsync(id, cancellationToken))!;
    }

    /// <summary>
    /// Audits a refused change to the register (no child is involved, so no person): the kind and the field names, never what was
    /// typed. Nothing of the refused change is kept.
    /// </summary>
    public async Task<Refusal> RefusedAsync(string action, string recordType, Guid? recordId, Refusal refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        audit.Record(action, null, recordType, recordId, AuditLog.Refused, AuditLog.RefusalDetail(refusal));
        await db.SaveChangesAsync(cancellationToken);
        return refusal;
    }

    private async Task<Domain.Agencies.AgencyKind> AgencyKindAsync(CancellationToken cancellationToken)
    {
        var agency = user.AgencyId;
        var area = user.AreaId;
        return await db.Agencies.AsNoTracking().Where(a => a.Id == agency && a.AreaId == area).Select(a => (Domain.Agencies.AgencyKind?)a.Kind)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;
    }
}
