namespace Cairn.Domain.Placements;

/// <summary>
/// A child's placement stability (L41, L44), as the looked-after return and Ofsted count it: moves in the 12 months to a day (each
/// placement started in that time after the first of the child's placements), how long the current placement has lasted, and the
/// share of the last 12 months spent in placements out of the area.
/// </summary>
public sealed record PlacementStability(int MovesInLast12Months, int? DaysInCurrentPlacement, double ShareOutOfAreaInLast12Months)
{
    /// <summary>Computes the measures on <paramref name="today"/> from the child's placements, in any order.</summary>
    public static PlacementStability Of(IEnumerable<(DateOnly StartedOn, DateOnly? EndedOn, bool InArea)> placements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var list = placements.OrderBy(p => p.StartedOn).ToList();
        var since = today.AddYears(-1);
        var moves = list.Skip(1).Count(p => p.StartedOn > since && p.StartedOn <= today);
        var current = list.LastOrDefault(p => p.EndedOn is null && p.StartedOn <= today);
        int? days = current.StartedOn == default ? null : today.DayNumber - current.StartedOn.DayNumber;
        int placed = 0, outOfArea = 0;
        foreach (var p in list)
        {
            var from = p.StartedOn > since ? p.StartedOn : since.AddDays(1);
            var to = p.EndedOn is { } end && end < today ? end : today;
            var length = to.DayNumber - from.DayNumber + 1;
            if (length <= 0)
            {
                continue;
            }

            placed += length;
            outOfArea += p.InArea ? 0 : length;
        }

        return new PlacementStability(moves, days, placed == 0 ? 0 : Math.Round((double)outOfArea / placed, 3));
    }
}
