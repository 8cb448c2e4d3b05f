using System.Collections.Concurrent;
using Cairn.Domain;

namespace Cairn.Web.Features.Compliance;

/// <summary>
/// The area's large counts and its on-time rates, kept for <see cref="KeptFor"/> (L16). Counting an area's open steps exactly means stepping through
/// every open step's index entry: at 100,000 children, about 200,000 plan actions and 30,000 assessments, most of the list's time
/// on every request. A count of at least <see cref="LargeCount"/> steps of one kind is kept for a minute per area, kind and London
/// day, so the area's counts and total may lag the records by up to a minute; the list's rows, a team's list, a viewer's own list,
/// a child's page and every smaller count are always read afresh. The area's on-time chart (a year of due dates grouped by month,
/// about 700 ms at that size) is kept the same way when it counts at least <see cref="LargeCount"/> steps. One per process (a singleton).
/// </summary>
public sealed class ComplianceCounts
{
    /// <summary>The smallest count worth keeping: below it counting costs a millisecond or two.</summary>
    public const int LargeCount = 1_000;

    /// <summary>How long a kept count is used.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(AreaId Area, StepKind Kind, DateOnly Today), Kept> _kept = new();

    private readonly ConcurrentDictionary<AreaId, (OnTimeRates Rates, DateOnly Today, DateTimeOffset At)> _rates = new();

    private sealed record Kept(int All, int Overdue, DateTimeOffset At);

    /// <summary>The area's on-time rates counted less than <see cref="KeptFor"/> ago the same day, or null.</summary>
    public OnTimeRates? FindRates(AreaId area, DateOnly today, DateTimeOffset now) =>
        _rates.TryGetValue(area, out var kept) && kept.Today == today && now - kept.At < KeptFor && now >= kept.At ? kept.Rates : null;

    /// <summary>Keeps the area's on-time rates (the caller keeps only rates over at least <see cref="LargeCount"/> steps).</summary>
    public void KeepRates(AreaId area, DateOnly today, OnTimeRates rates, DateTimeOffset now) => _rates[area] = (rates, today, now);

    /// <summary>Forgets everything kept: the next look counts afresh.</summary>
    public void Clear()
    {
        _kept.Clear();
        _rates.Clear();
    }

    /// <summary>A count kept less than <see cref="KeptFor"/> ago, or null.</summary>
    public (int All, int Overdue)? Find(AreaId area, StepKind kind, DateOnly today, DateTimeOffset now) =>
        _kept.TryGetValue((area, kind, today), out var kept) && now - kept.At < KeptFor && now >= kept.At
            ? (kept.All, kept.Overdue)
            : null;

    /// <summary>Keeps a count if it is large; a small one is dropped, and so is any kept for an earlier day.</summary>
    public void Keep(AreaId area, StepKind kind, DateOnly today, (int All, int Overdue) counted, DateTimeOffset now)
    {
        foreach (var old in _kept.Keys.Where(k => k.Today != today))
        {
            _kept.TryRemove(old, out _);
        }

        if (counted.All >= LargeCount)
        {
            _kept[(area, kind, today)] = new Kept(counted.All, counted.Overdue, now);
        }
        else
        {
            _kept.TryRemove((area, kind, today), out _);
        }
    }
}
