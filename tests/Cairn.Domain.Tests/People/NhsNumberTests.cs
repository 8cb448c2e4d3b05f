using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class NhsNumberTests
{
    private const string ShapeError = "Enter an NHS number with 10 digits, like 943 476 5919";
    private const string CheckDigitError = "Enter a valid NHS number: the check digit does not match. Check it against the person's NHS letter or GP record";

    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData(" 943 476-5919 ", "9434765919")]
    [InlineData("\t943 476 5919\n", "9434765919")]
    [InlineData("9 4 3 4 7 6 5 9 1 9", "9434765919")]
    [InlineData("943  476--5919", "9434765919")]
    // 4*10 + 0*9 + 1*8 + 0*7 + 2*6 + 3*5 + 2*4 + 1*3 + 3*2 = 92; 92 % 11 = 4; 11 - 4 = 7.
    [InlineData("401 023 2137", "4010232137")]
    // 11 minus a remainder of 0 is 11, which means a check digit of 0.
    [InlineData("0000000000", "0000000000")]
    // The weighted sum is 330, a multiple of 11.
    [InlineData("987 654 3210", "9876543210")]
    // 9*10 + 9*9 + 9*8 + 1*2 = 245; 245 % 11 = 3; 11 - 3 = 8.
    [InlineData("999 000 0018", "9990000018")]
    public void Valid_numbers_are_accepted_as_ten_digits(string text, string digits)
    {
        Assert.True(NhsNumber.TryParse(text, out var number, out var error));

        Assert.Null(error);
        Assert.Equal(digits, number.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("943476591")]
    [InlineData("943 476 591")]
    [InlineData("94347659190")]
    [InlineData("12345678901234567890")]
    [InlineData("943476591X")]
    [InlineData("943476591O")]
    [InlineData("NHS 9434765919")]
    [InlineData("943.476.5919")]
    [InlineData("943/476/5919")]
    // A separator before the first digit or after the last is a stray keystroke.
    [InlineData("-9434765919")]
    [InlineData("9434765919-")]
    // Only ASCII digits: Arabic-Indic and full-width digits are refused, not read as numbers.
    [InlineData("٩٤٣٤٧٦٥٩١٩")]
    [InlineData("９４３４７６５９１９")]
    public void Numbers_not_of_ten_digits_are_refused(string? text)
    {
        Assert.False(NhsNumber.TryParse(text, out var number, out var error));

        Assert.Equal(ShapeError, error);
        Assert.Equal(default, number);
    }

    [Theory]
    [InlineData("9434765910")]
    [InlineData("9434765911")]
    [InlineData("9434765912")]
    [InlineData("9434765913")]
    [InlineData("9434765914")]
    [InlineData("9434765915")]
    [InlineData("9434765916")]
    [InlineData("9434765917")]
    [InlineData("9434765918")]
    [InlineData("4010232138")]
    [InlineData("0000000001")]
    // Two adjacent digits swapped: the weights make this detectable.
    [InlineData("9434769519")]
    [InlineData("4100232137")]
    public void A_wrong_check_digit_is_refused(string text)
    {
        Assert.False(NhsNumber.TryParse(text, out _, out var error));

        Assert.Equal(CheckDigitError, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_stem_whose_check_digit_would_be_ten_is_refused_whatever_the_last_digit(int last)
    {
        // 1x10 + 1x2 = 12; 12 mod 11 = 1; 11 - 1 = 10, which no single digit can hold.
        Assert.False(NhsNumber.TryParse($"100000001{last}", out _, out var error));
        // 9*10 + 9*9 + 9*8 = 243; 243 mod 11 = 1: the same.
        Assert.False(NhsNumber.TryParse($"999000000{last}", out _, out var other));

        Assert.Equal(CheckDigitError, error);
        Assert.Equal(CheckDigitError, other);
    }

    [Fact]
    public void Parse_throws_with_the_message_for_a_bad_number()
    {
        var thrown = Assert.Throws<FormatException>(() => NhsNumber.Parse("9434765918"));

        Assert.Equal(CheckDigitError, thrown.Message);
    }

    [Fact]
    public void Formats_as_three_three_four()
    {
        Assert.Equal("943 476 5919", NhsNumber.Parse("9434765919").ToString());
    }

    [Fact]
    public void Numbers_with_the_same_digits_are_equal_however_they_were_typed()
    {
        Assert.Equal(NhsNumber.Parse("943-476-5919"), NhsNumber.Parse(" 9434765919 "));
        Assert.NotEqual(NhsNumber.Parse("9434765919"), NhsNumber.Parse("4010232137"));
    }

    [Fact]
    public void A_default_number_is_empty_rather_than_null()
    {
        Assert.Equal("", default(NhsNumber).Value);
        Assert.Equal("", default(NhsNumber).ToString());
    }

    [Fact]
    public void Synthetic_numbers_are_always_valid_and_in_the_999_range()
    {
        var random = new Random(20261123);
        var seeds = Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(long.MinValue + 1, long.MaxValue))
            .Concat([0L, 1L, -1L, 999_999L, 1_000_000L, long.MaxValue, long.MinValue + 1]);

        foreach (var seed in seeds)
        {
            var synthetic = NhsNumber.Synthetic(seed);

            Assert.StartsWith("999", synthetic.Value, StringComparison.Ordinal);
            Assert.True(NhsNumber.TryParse(synthetic.Value, out var parsed, out var error), $"seed {seed} gave {synthetic.Value}: {error}");
            Assert.Equal(synthetic, parsed);
        }
    }

    [Fact]
    public void Synthetic_numbers_are_repeatable_for_a_seed()
    {
        Assert.Equal(NhsNumber.Synthetic(42), NhsNumber.Synthetic(42));
        Assert.NotEqual(NhsNumber.Synthetic(42), NhsNumber.Synthetic(4242));
    }
}
