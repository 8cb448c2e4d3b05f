using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Register.ListSettings;

/// <summary>Which settings to list: of one type, in or out of the area, only those with vacancies now.</summary>
public sealed record SettingFilter(SettingType? Type, bool? InArea, bool WithVacancies);

/// <summary>One line of the register.</summary>
public sealed record SettingSummary(SettingId Id, string Name, ProviderId ProviderId, string ProviderName, SettingType Type, string Postcode,
    bool InArea, int Capacity, int? Vacancies, int MinAge, int MaxAge, RegulatorJudgement LastJudgement, bool RegistrationSuspended);

public sealed record SettingList(IReadOnlyList<SettingSummary> Settings, bool MayChange);

/// <summary>The viewer's area's register, by name, filtered: anyone in children's social care (403 for anyone else).</summary>
public sealed class ListSettingsHandler(CairnDbContext db, RegisterAccessHandler register, CurrentUser user)
{
    public async Task<Handled<SettingList>> HandleAsync(SettingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await register.MayViewAsync(cancellationToken))
        {
            return RegisterAccessHandler.NotForYou;
        }

        var area = user.AreaId;
        var code = await register.AreaCodeAsync(cancellationToken);
        var settings = db.PlacementSettings.AsNoTracking().Where(s => s.AreaId == area);
        if (filter.Type is { } type)
        {
            settings = settings.Where(s => s.Type == type);
        }

        if (filter.InArea is { } inArea)
        {
            settings = settings.Where(s => (s.LocalAuthorityCode == code || s.UpperTierCode == code) == inArea);
        }

        if (filter.WithVacancies)
        {
            settings = settings.Where(s => s.Vacancies > 0);
        }

        var rows = await settings.Join(db.PlacementProviders, s => s.ProviderId, p => p.Id, (s, p) => new { s, ProviderName = p.Name })
            .ToListAsync(cancellationToken);
        return new SettingList(rows.OrderBy(r => r.s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new SettingSummary(r.s.Id, r.s.Name, r.s.ProviderId, r.ProviderName, r.s.Type, r.s.Postcode, r.s.IsInArea(code),
                r.s.Capacity,
                r.s.Vacancies, r.s.MinAge, r.s.MaxAge, r.s.LastJudgement, r.s.RegistrationSuspended))
            .ToList(), await register.MayChangeAsync(cancellationToken));
    }
}

public sealed class ListSettingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placements/settings", async (SettingType? type, bool? inArea, bool? withVacancies, ListSettingsHandler handler,
                CancellationToken ct) => (await handler.HandleAsync(new SettingFilter(type, inArea, withVacancies ?? false), ct)).ToApiResult())
            .WithName("ListPlacementSettings")
            .WithSummary("Your area's placement register (L33, L41), by name: filter by type, inArea (true or false) and withVacancies. "
                         + "Children's social care only (403 otherwise).")
            .WithTags("Placements");
}
