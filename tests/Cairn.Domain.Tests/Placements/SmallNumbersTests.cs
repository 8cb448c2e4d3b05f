using Cairn.Domain.Placements;

namespace Cairn.Domain.Tests.Placements;

/// <summary>Small-number suppression (L44): counts 1 to 4 withheld, zero shown, and a second count withheld when one alone could be worked out.</summary>
public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(new[] { 0, 12, 30 }, new[] { false, false, false })]
    [InlineData(new[] { 5, 6 }, new[] { false, false })]
    // One small count alone could be worked out from the total: the smallest other non-zero count goes with it.
    [InlineData(new[] { 40, 3 }, new[] { true, true })]
    [InlineData(new[] { 40, 0, 2, 9 }, new[] { false, false, true, true })]
    [InlineData(new[] { 40, 9, 9, 1 }, new[] { false, true, false, true })]
    // Two small counts already hide each other; zero is never withheld.
    [InlineData(new[] { 40, 1, 4, 0 }, new[] { false, true, true, false })]
    // A small total: every non-zero count is small, and nothing else is withheld.
    [InlineData(new[] { 3, 0 }, new[] { true, false })]
    public void Counts_from_1_to_4_are_withheld_with_a_second_when_one_could_be_worked_out(int[] counts, bool[] withheld) =>
        Assert.Equal(withheld, SmallNumbers.Suppress(counts));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void A_single_count_is_withheld_from_1_to_4(int count, bool withheld) => Assert.Equal(withheld, SmallNumbers.Withheld(count));
}
