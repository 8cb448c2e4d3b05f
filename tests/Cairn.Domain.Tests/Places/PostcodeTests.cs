using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.Places;

public class PostcodeTests
{
    [Theory]
    [InlineData("S1 1AA", "S1", "1AA", "S1 1AA", "S1  1AA")]
    [InlineData("s11aa", "S1", "1AA", "S1 1AA", "S1  1AA")]
    [InlineData("SW1A1AA", "SW1A", "1AA", "SW1A 1AA", "SW1A1AA")]
    [InlineData(" sw1a   1aa ", "SW1A", "1AA", "SW1A 1AA", "SW1A1AA")]
    [InlineData("AB10 1AA", "AB10", "1AA", "AB10 1AA", "AB101AA")]
    [InlineData("M1 1AE", "M1", "1AE", "M1 1AE", "M1  1AE")]
    [InlineData("B33 8TH", "B33", "8TH", "B33 8TH", "B33 8TH")]
    [InlineData("CR2 6XH", "CR2", "6XH", "CR2 6XH", "CR2 6XH")]
    [InlineData("DN55 1PT", "DN55", "1PT", "DN55 1PT", "DN551PT")]
    [InlineData("W1A 0AX", "W1A", "0AX", "W1A 0AX", "W1A 0AX")]
    [InlineData("EC1A 1BB", "EC1A", "1BB", "EC1A 1BB", "EC1A1BB")]
    [InlineData("gir 0aa", "GIR", "0AA", "GIR 0AA", "GIR 0AA")]
    [InlineData("LS1\t4DY", "LS1", "4DY", "LS1 4DY", "LS1 4DY")]
    [InlineData("SW1A\u00A01AA", "SW1A", "1AA", "SW1A 1AA", "SW1A1AA")]
    [InlineData("S W 1 A 1 A A", "SW1A", "1AA", "SW1A 1AA", "SW1A1AA")]
    [InlineData("Sw1a1Aa", "SW1A", "1AA", "SW1A 1AA", "SW1A1AA")]
    [InlineData("m11ae", "M1", "1AE", "M1 1AE", "M1  1AE")]
    [InlineData("b338th", "B33", "8TH", "B33 8TH", "B33 8TH")]
    [InlineData("gir0aa", "GIR", "0AA", "GIR 0AA", "GIR 0AA")]
    public void Postcodes_are_normalised(string text, string outward, string inward, string shown, string onsPcd)
    {
        Assert.True(Postcode.TryParse(text, out var postcode, out var error));

        Assert.Null(error);
        Assert.Equal(outward, postcode.Outward);
        Assert.Equal(inward, postcode.Inward);
        Assert.Equal(shown, postcode.ToString());
        Assert.Equal(onsPcd, postcode.OnsPcd);
        Assert.Equal(7, postcode.OnsPcd.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("S1")]
    [InlineData("S1 1A")]
    [InlineData("SW1A 1AAA")]
    [InlineData("1S1 1AA")]
    [InlineData("S1 AAA")]
    [InlineData("S1 1CA")]
    [InlineData("S1 1AI")]
    [InlineData("S1 1KM")]
    [InlineData("S1 1OV")]
    [InlineData("SI1 1AA")]
    [InlineData("SZ1 1AA")]
    [InlineData("SW123 1AA")]
    [InlineData("SW1-1AA")]
    [InlineData("GIR 0AB")]
    [InlineData("GIR 1AA")]
    [InlineData("1AA")] // inward only
    [InlineData("S 1AA")] // outward too short
    [InlineData("SW1AA 1AA")] // outward too long
    [InlineData("SWA 1AA")] // AAA outward
    [InlineData("SWAA 1AA")] // AAAA outward
    [InlineData("S1AA 1AA")] // A9AA outward
    [InlineData("SW12A 1AA")] // AA99A outward
    [InlineData("S123 1AA")] // A999 outward
    [InlineData("SW1A 11A")] // inward has a digit second
    [InlineData("SW1A 1A1")] // inward has a digit third
    [InlineData("SW1Á 1AA")] // not an ASCII letter
    [InlineData("ＳＷ１Ａ １ＡＡ")] // full-width forms
    [InlineData("Not a postcode at all")]
    [InlineData("SW1A 1AA SW1A 1AA SW1A 1AA SW1A 1AA")]
    public void Bad_postcodes_are_refused(string? text)
    {
        Assert.False(Postcode.TryParse(text, out var postcode, out var error));

        Assert.Equal("Enter a real postcode, like SW1A 1AA", error);
        Assert.Equal(default, postcode);
    }

    [Fact]
    public void Parse_throws_for_a_bad_postcode()
    {
        var thrown = Assert.Throws<FormatException>(() => Postcode.Parse("NOT A POSTCODE"));

        Assert.Equal("Enter a real postcode, like SW1A 1AA", thrown.Message);
    }

    [Fact]
    public void Postcodes_compare_by_normalised_value()
    {
        Assert.Equal(Postcode.Parse("sw1a1aa"), Postcode.Parse("SW1A 1AA"));
        Assert.NotEqual(Postcode.Parse("SW1A 1AA"), Postcode.Parse("SW1A 2AA"));
    }

    [Fact]
    public void A_default_postcode_is_empty_rather_than_null()
    {
        Assert.Equal("", default(Postcode).ToString());
        Assert.Equal("", default(Postcode).Outward);
        Assert.Equal("", default(Postcode).Inward);
        Assert.Equal("", default(Postcode).OnsPcd);
    }
}
