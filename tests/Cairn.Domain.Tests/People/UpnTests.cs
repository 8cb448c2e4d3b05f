using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class UpnTests
{
    private const string ShapeError = "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or a letter";
    private const string CheckLetterError = "Enter a valid UPN: the check letter does not match. Check it with the child's school";

    [Fact]
    public void The_check_letter_is_the_weighted_sum_mod_23_in_the_dfe_alphabet()
    {
        // Body 8 2 0 2 0 0 1 2 5 0 0 1, weights 2 to 13:
        // 16 + 6 + 0 + 10 + 0 + 0 + 8 + 18 + 50 + 0 + 0 + 13 = 121; 121 mod 23 = 6; ABCDEFG -> G.
        Assert.True(Upn.TryParse("G820200125001", out var upn, out var error));

        Assert.Null(error);
        Assert.Equal("G820200125001", upn.Value);
        Assert.Equal(Upn.Synthetic(820, 2001, 25, 1), upn);
    }

    [Fact]
    public void A_temporary_upn_ends_in_a_letter_counted_by_its_place_in_the_alphabet()
    {
        // As above but the last character is A (place 0): 121 - 13 = 108; 108 mod 23 = 16; the 17th letter without I, O, S is T.
        Assert.True(Upn.TryParse("T82020012500A", out var upn, out var error));

        Assert.Null(error);
        Assert.Equal("T82020012500A", upn.Value);
    }

    [Theory]
    [InlineData("g820200125001")]
    [InlineData("  G820200125001  ")]
    public void Case_and_surrounding_spaces_are_normalised(string text)
    {
        Assert.Equal("G820200125001", Upn.Parse(text).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("G82020012500")]
    [InlineData("G8202001250011")]
    [InlineData("G 820200125001")]
    [InlineData("1820200125001")]
    [InlineData("I820200125001")]
    [InlineData("O820200125001")]
    [InlineData("S820200125001")]
    [InlineData("G8202001250A1")]
    [InlineData("T82020012500I")]
    [InlineData("T82020012500-")]
    public void Badly_shaped_upns_are_refused(string? text)
    {
        Assert.False(Upn.TryParse(text, out var upn, out var error));

        Assert.Equal(ShapeError, error);
        Assert.Null(upn.Value);
    }

    [Theory]
    [InlineData("H820200125001")]
    [InlineData("G820200125002")]
    [InlineData("A82020012500A")]
    public void A_wrong_check_letter_is_refused(string text)
    {
        Assert.False(Upn.TryParse(text, out _, out var error));

        Assert.Equal(CheckLetterError, error);
    }

    [Fact]
    public void Parse_throws_with_the_message_for_a_bad_upn()
    {
        var thrown = Assert.Throws<FormatException>(() => Upn.Parse("H820200125001"));

        Assert.Equal(CheckLetterError, thrown.Message);
    }

    [Theory]
    [InlineData(820, 2001, 25, 1)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(999, 9999, 99, 999)]
    [InlineData(1820, 12001, 2025, 1001)]
    public void Synthetic_upns_are_valid(int localAuthority, int establishment, int year, int serial)
    {
        var synthetic = Upn.Synthetic(localAuthority, establishment, year, serial);

        Assert.True(Upn.TryParse(synthetic.Value, out var parsed, out var error), error);
        Assert.Equal(synthetic, parsed);
    }

    [Fact]
    public void Synthetic_upns_are_valid_across_many_inputs()
    {
        var random = new Random(2026);
        for (var i = 0; i < 2_000; i++)
        {
            var synthetic = Upn.Synthetic(random.Next(1000), random.Next(10000), random.Next(100), random.Next(1000));

            Assert.True(Upn.TryParse(synthetic.Value, out _, out var error), $"{synthetic.Value}: {error}");
        }
    }

    [Fact]
    public void A_default_upn_formats_as_empty()
    {
        Assert.Equal("", default(Upn).ToString());
    }
}
