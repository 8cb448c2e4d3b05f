using Cairn.Domain.Returns;

namespace Cairn.Domain.Tests.Returns;

public sealed class CollectionYearTests
{
    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("2025/26", 2026)]
    [InlineData("2025-26", 2026)]
    [InlineData(" 2025_26 ", 2026)]
    [InlineData("1999/00", 2000)]
    public void Reads_the_ending_year_or_the_span(string text, int ending)
    {
        Assert.True(CollectionYear.TryParse(text, out var year));
        Assert.Equal(ending, year.EndingYear);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("26")]
    [InlineData("2025/27")]
    [InlineData("2025/2026")]
    [InlineData("1999")]
    [InlineData("+2026")]
    public void Refuses_what_is_not_a_collection_year(string? text) => Assert.False(CollectionYear.TryParse(text, out _));

    [Fact]
    public void A_year_is_named_by_the_year_it_ends_in_and_runs_from_1_April_to_31_March()
    {
        var year = CollectionYear.Ending(2026);
        Assert.Equal(new DateOnly(2025, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), year.End);
        Assert.Equal("2025/26", year.Label);
        Assert.Equal("2025_26", year.FileSuffix);
        Assert.Equal(CollectionYear.Ending(2025), year.Previous);
    }

    [Theory]
    [InlineData(2025, 3, 31, 2025)]
    [InlineData(2025, 4, 1, 2026)]
    [InlineData(2026, 3, 31, 2026)]
    public void A_date_falls_in_the_year_that_contains_it(int y, int m, int d, int ending)
    {
        var date = new DateOnly(y, m, d);
        Assert.Equal(ending, CollectionYear.Containing(date).EndingYear);
        Assert.True(CollectionYear.Ending(ending).Contains(date));
        Assert.False(CollectionYear.Ending(ending + 1).Contains(date));
    }
}
