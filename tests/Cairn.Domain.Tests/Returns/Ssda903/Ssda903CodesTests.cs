using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

public sealed class Ssda903CodesTests
{
    [Theory]
    [InlineData("SEX", "1", 2024, true)]
    [InlineData("SEX", "1", 2025, false)]
    [InlineData("SEX", "M", 2024, false)]
    [InlineData("SEX", "M", 2025, true)]
    [InlineData("PLACE", "H5", 2025, true)]
    [InlineData("PLACE", "H5", 2026, false)]
    [InlineData("PLACE", "Z1", 2025, true)]
    [InlineData("PLACE", "Z1", 2026, false)]
    [InlineData("PLACE", "Z12", 2025, false)]
    [InlineData("PLACE", "Z12", 2026, true)]
    [InlineData("PLACE", "K3", 2025, false)]
    [InlineData("PLACE", "K3", 2026, true)]
    [InlineData("ACCOM", "S1", 2026, false)]
    [InlineData("ACCOM", "S2", 2026, true)]
    [InlineData("REC", "X1", 2026, true)]
    [InlineData("RNE", "U", 2026, true)]
    [InlineData("RNE", "X", 2026, false)]
    public void Each_code_is_valid_in_the_years_the_list_says(string list, string code, int endingYear, bool valid)
    {
        Assert.Equal(valid, Ssda903Codes.IsValid(list, code, CollectionYear.Ending(endingYear)));
    }

    [Theory]
    [InlineData("all", null, null)]
    [InlineData("to 2023/24", null, 2024)]
    [InlineData("2024/25+", 2025, null)]
    [InlineData("2024/25+ (validator 2024/25 list has typo 'k3'; effectively 2025/26+)", 2026, null)]
    [InlineData("to 2024/25 (removed 2025/26; rule 503D maps H5 to K3)", null, 2025)]
    public void Reads_the_valid_years_column(string text, int? from, int? to)
    {
        Assert.Equal((from, to), Ssda903Codes.ParseValidYears(text));
    }

    [Fact]
    public void Every_placement_code_Cairn_records_is_valid_in_2025_26()
    {
        var year = CollectionYear.Ending(2026);
        Assert.All(Cairn.Domain.Placements.PlacementCodes.PlacementTypes, c => Assert.True(Ssda903Codes.IsValid("PLACE", c.Code, year), c.Code));
        Assert.All(Cairn.Domain.Placements.PlacementCodes.Providers, c => Assert.True(Ssda903Codes.IsValid("PLACE_PROVIDER", c.Code, year)));
        Assert.All(Cairn.Domain.Placements.PlacementCodes.ReasonsForChange,
            c => Assert.True(Ssda903Codes.IsValid("REASON_PLACE_CHANGE", c.Code, year)));
    }
}
