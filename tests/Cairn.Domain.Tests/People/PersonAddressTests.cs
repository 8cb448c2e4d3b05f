using Cairn.Domain.People;
using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.People;

public class PersonAddressTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly DateOnly MovedIn = new(2024, 4, 1);

    [Fact]
    public void An_address_is_recorded_with_a_normalised_postcode_and_location()
    {
        var address = PersonAddress.Record(Child, " 12 Mill Lane ", " ", " Sheffield ", "s11aa", MovedIn,
            new PostcodeLocation("E08000019", 435000, 387000)).Value!;

        Assert.Equal("12 Mill Lane", address.Line1);
        Assert.Null(address.Line2);
        Assert.Equal("Sheffield", address.Town);
        Assert.Equal("S1 1AA", address.Postcode);
        Assert.Equal("E08000019", address.LocalAuthorityCode);
        Assert.Equal(435000, address.Easting);
        Assert.Equal(387000, address.Northing);
        Assert.Equal(MovedIn, address.From);
        Assert.Null(address.To);
        Assert.Equal(1, address.Version);
    }

    [Fact]
    public void An_address_whose_postcode_was_not_found_has_no_location()
    {
        var address = PersonAddress.Record(Child, "12 Mill Lane", null, null, "S1 1AA", MovedIn, null).Value!;

        Assert.Null(address.LocalAuthorityCode);
        Assert.Null(address.Easting);
    }

    [Fact]
    public void A_missing_first_line_and_a_bad_postcode_are_both_refused()
    {
        var outcome = PersonAddress.Record(Child, " ", null, null, "NOT A POSTCODE", MovedIn, null);

        Assert.Equal(
            [new FieldError("Line1", "Enter the first line of the address"), new FieldError("Postcode", "Enter a real postcode, like SW1A 1AA")],
            outcome.Refusal!.Errors);
    }

    [Fact]
    public void Closing_sets_the_date_they_left_once()
    {
        var address = PersonAddress.Record(Child, "12 Mill Lane", null, null, "S1 1AA", MovedIn, null).Value!;

        Assert.Equal("To", Assert.Single(address.Close(MovedIn.AddDays(-1))!.Errors).Field);
        Assert.Null(address.To);
        Assert.Null(address.Close(new DateOnly(2025, 8, 31)));
        Assert.Equal(new DateOnly(2025, 8, 31), address.To);
        Assert.Equal(2, address.Version);
        Assert.Equal(new FieldError("To", "This address has already been closed"), Assert.Single(address.Close(new DateOnly(2025, 9, 30))!.Errors));
        Assert.Equal(new DateOnly(2025, 8, 31), address.To);
    }

    [Fact]
    public void An_address_can_close_on_the_day_it_started()
    {
        var address = PersonAddress.Record(Child, "12 Mill Lane", null, null, "S1 1AA", MovedIn, null).Value!;

        Assert.Null(address.Close(MovedIn));
        Assert.True(address.IsCurrentOn(MovedIn));
        Assert.False(address.IsCurrentOn(MovedIn.AddDays(1)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void An_address_is_current_from_the_move_in_to_the_leaving_date(int daysAfterMoveIn, bool current)
    {
        var address = PersonAddress.Record(Child, "12 Mill Lane", null, null, "S1 1AA", MovedIn, null).Value!;
        address.Close(MovedIn.AddDays(365));

        Assert.Equal(current, address.IsCurrentOn(MovedIn.AddDays(daysAfterMoveIn)));
    }

    [Theory]
    [InlineData("Line1")]
    [InlineData("Line2")]
    [InlineData("Town")]
    public void Each_line_has_a_length_limit(string field)
    {
        var tooLong = new string('x', PersonAddress.MaxLineLength + 1);
        var outcome = PersonAddress.Record(Child, field == "Line1" ? tooLong : "12 Mill Lane", field == "Line2" ? tooLong : null,
            field == "Town" ? tooLong : null, "S1 1AA", MovedIn, null);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }
}
