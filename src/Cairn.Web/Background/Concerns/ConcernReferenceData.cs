using System.Collections.Concurrent;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Concerns;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background.Concerns;

/// <summary>
/// What every evaluation reads but almost nothing changes, kept in memory so that re-evaluating one child after one
/// entry costs only the queries about that child (issue #4): each area's rule settings, and every agency's kind.
/// Saving an area's settings through Cairn invalidates them at once on this node; another node's cached copy lasts at
/// most <see cref="SettingsLifetime"/>. An agency's kind never changes once created, and an agency this cache has not
/// seen yet makes it read them all again.
/// </summary>
public sealed class ConcernReferenceData(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan SettingsLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<AreaId, (ConcernRuleSettings Settings, long ReadAt)> _settings = new();
    private volatile IReadOnlyDictionary<AgencyId, AgencyKind> _agencyKinds = new Dictionary<AgencyId, AgencyKind>();
    private long _invalidations;

    /// <summary>The area's stored settings, or the defaults when none are stored.</summary>
    public async Task<ConcernRuleSettings> SettingsAsync(AreaId area, CancellationToken cancellationToken)
    {
        if (_settings.TryGetValue(area, out var cached) && Environment.TickCount64 - cached.ReadAt < (long)SettingsLifetime.TotalMilliseconds)
        {
            return cached.Settings;
        }

        var readAt = Environment.TickCount64;
        var invalidations = Interlocked.Read(ref _invalidations);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var settings = await db.ConcernRuleSettings.AsNoTracking().Where(r => r.AreaId == area).Select(r => r.Settings)
                .FirstOrDefaultAsync(cancellationToken)
            ?? ConcernRuleSettings.Default;
        // A save that landed while this was reading must not be hidden behind what was read before it.
        if (Interlocked.Read(ref _invalidations) == invalidations)
        {
            _settings[area] = (settings, readAt);
        }

        return settings;
    }

    /// <summary>Called after the area's settings are saved: the next evaluation reads them afresh.</summary>
    public void Invalidate(AreaId area)
    {
        Interlocked.Increment(ref _invalidations);
        _settings.TryRemove(area, out _);
    }

    /// <summary>Every agency's kind, read again when one of <paramref name="needed"/> is not known yet.</summary>
    public async Task<IReadOnlyDictionary<AgencyId, AgencyKind>> AgencyKindsAsync(IEnumerable<AgencyId> needed, CancellationToken cancellationToken)
    {
        var kinds = _agencyKinds;
        if (needed.All(kinds.ContainsKey))
        {
            return kinds;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        _agencyKinds = kinds = (await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Kind }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => a.Kind);
        return kinds;
    }
}
