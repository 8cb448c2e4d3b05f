using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class UpnTests
{
    private const string ShapeError = "Enter a UPN of 13 characters: a letter, 11 digits, then a digit or a letter";
    private const string CheckLetterError = "Enter a valid UPN: the check letter does not match. Check it with the child's school";

    // LA 201, establishment 1234, year 24, serial 001: characters 2 to 13 are 2 0 1 1 2 3 4 2 4 0 0 1.
    // Weights 2..13: 4 + 0 + 4 + 5 + 12 + 21 + 32 + 18 + 40 + 0 + 0 + 13 = 149; 149 mod 23 = 11 -> "ABCDEFGHJKLMNPQRTUVWXYZ"[11] = M.
    private const string HandComputed = "M201123424001";

    // The temporary form ends in A (worth 0) instead of 1: 149 - 13 = 136; 136 mod 23 = 21 -> Y.
    private const string HandComputedTemporary = "Y20112342400A";

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
    [InlineData(HandComputed)]
    [InlineData(HandComputedTemporary)]
    // All zeros: the sum is 0, so the check letter is the first of the alphabet.
    [InlineData("A000000000000")]
    // All nines: 9 * (2 + 3 + ... + 13) = 810; 810 mod 23 = 5 -> F.
    [InlineData("F999999999999")]
    // A final Z is worth 22: 100 from the digits + 22 * 13 = 386; 386 mod 23 = 18 -> V.
    [InlineData("V80112340100Z")]
    public void Hand_computed_upns_are_accepted(string text)
    {
        Assert.True(Upn.TryParse(text, out var upn, out var error));

        Assert.Null(error);
        Assert.Equal(text, upn.Value);
        Assert.Equal(text, upn.ToString());
    }

    [Theory]
    [InlineData("g820200125001", "G820200125001")]
    [InlineData("  G820200125001  ", "G820200125001")]
    [InlineData("\tM201123424001\n", HandComputed)]
    [InlineData("y20112342400a", HandComputedTemporary)]
    public void Case_and_surrounding_spaces_are_normalised(string text, string upn)
    {
        Assert.Equal(upn, Upn.Parse(text).ToString());
    }

    [Theory]
    [InlineData(HandComputed, false)]
    [InlineData("G820200125001", false)]
    [InlineData(HandComputedTemporary, true)]
    [InlineData("T82020012500A", true)]
    [InlineData("V80112340100Z", true)]
    public void A_temporary_upn_is_known_by_its_final_letter(string text, bool temporary)
    {
        Assert.Equal(temporary, Upn.Parse(text).IsTemporary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("G82020012500")]
    [InlineData("G8202001250011")]
    [InlineData("G 820200125001")]
    [InlineData("M 201 1234 24 001")]
    [InlineData("M20112 424001")]
    [InlineData("1820200125001")]
    [InlineData("-201123424001")]
    [InlineData("É201123424001")]
    [InlineData("MA01123424001")]
    // I, O and S are not in the DfE alphabet: never a check letter, never the end of a temporary UPN.
    [InlineData("I820200125001")]
    [InlineData("O820200125001")]
    [InlineData("S820200125001")]
    [InlineData("G8202001250A1")]
    [InlineData("T82020012500I")]
    [InlineData("M20112342400O")]
    [InlineData("M20112342400S")]
    [InlineData("T82020012500-")]
    public void Badly_shaped_upns_are_refused(string? text)
    {
        Assert.False(Upn.TryParse(text, out var upn, out var error));

        Assert.Equal(ShapeError, error);
        Assert.Equal(default, upn);
    }

    [Theory]
    [InlineData("H820200125001")]
    [InlineData("G820200125002")]
    [InlineData("A82020012500A")]
    [InlineData("N201123424001")]
    [InlineData("L201123424001")]
    [InlineData("A201123424001")]
    // One digit changed from the hand-computed UPN.
    [InlineData("M201123424002")]
    // The permanent check letter on the temporary body.
    [InlineData("M20112342400A")]
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
    [InlineData(201, 1234, 24, 1, HandComputed)]
    [InlineData(0, 0, 0, 0, "A000000000000")]
    [InlineData(999, 9999, 99, 999, "F999999999999")]
    public void Synthetic_computes_the_check_letter_and_pads_each_part(int localAuthority, int establishment, int year, int serial, string upn)
    {
        var synthetic = Upn.Synthetic(localAuthority, establishment, year, serial);

        Assert.Equal(upn, synthetic.Value);
        Assert.False(synthetic.IsTemporary);
    }

    [Theory]
    [InlineData(820, 2001, 25, 1)]
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
    public void A_default_upn_is_empty_and_not_temporary()
    {
        Assert.Equal("", default(Upn).Value);
        Assert.Equal("", default(Upn).ToString());
        Assert.False(default(Upn).IsTemporary);
    }
}
