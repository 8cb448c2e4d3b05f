using Cairn.Domain.Placements;

namespace Cairn.Domain.Tests.Placements;

/// <summary>Placement stability (L41, L44): moves in the last 12 months, the current placement's length, the share of time out of area.</summary>
public sealed class PlacementStabilityTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_child_with_no_placements_has_no_moves_no_current_placement_and_no_time_out_of_area()
    {
        Assert.Equal(new PlacementStability(0, null, 0), PlacementStability.Of([], Today));
    }

    [Fact]
    public void The_first_placement_is_not_a_move_and_each_later_one_in_the_last_12_months_is()
    {
        var stability = PlacementStability.Of(
        [
            (Today.AddDays(-400), Today.AddDays(-200), true), // first placement: not a move
            (Today.AddDays(-199), Today.AddDays(-30), false), // a move, out of area
            (Today.AddDays(-29), null, true), // a move, current
        ], Today);

        Assert.Equal(2, stability.MovesInLast12Months);
        Assert.Equal(29, stability.DaysInCurrentPlacement);
        // 170 of the 365 days were out of area.
        Assert.Equal(Math.Round(170 / 365.0, 3), stability.ShareOutOfAreaInLast12Months);
    }

    [Fact]
    public void A_move_more_than_a_year_ago_is_not_counted_and_a_child_placed_out_of_area_throughout_is_all_out_of_area()
    {
        var stability = PlacementStability.Of([(Today.AddDays(-800), Today.AddDays(-500), true), (Today.AddDays(-499), null, false)], Today);

        Assert.Equal(0, stability.MovesInLast12Months);
        Assert.Equal(1.0, stability.ShareOutOfAreaInLast12Months);
    }
}
