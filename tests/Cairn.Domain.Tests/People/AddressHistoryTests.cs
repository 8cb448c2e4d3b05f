using Cairn.Domain.People;
using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.People;

public class AddressHistoryTests
{
    private static readonly PersonId Child = PersonId.New();
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly MovedIn = new(2024, 4, 1);
    private static readonly PostcodeLocation York = new("E06000014", 459652, 451975);

    private static PersonAddress Lived(string line1, DateOnly from, DateOnly? to = null)
    {
        var address = PersonAddress.Record(Child, line1, null, "York", "YO1 0AJ", from, York).Value!;
        if (to is { } end)
        {
            address.Close(end);
        }

        return address;
    }

    [Fact]
    public void A_first_address_needs_no_current_one()
    {
        var history = new AddressHistory(Child, []);

        var address = history.MoveTo("12 Mill Lane", null, "York", "yo10aj", MovedIn, York, null, null, Today).Value!;

        Assert.Equal("YO1 0AJ", address.Postcode);
        Assert.Equal("E06000014", address.LocalAuthorityCode);
        Assert.Same(address, history.Current);
    }

    [Fact]
    public void A_move_closes_the_current_address_the_day_before_and_keeps_it()
    {
        var old = Lived("12 Mill Lane", MovedIn);
        var history = new AddressHistory(Child, [old]);

        var moved = history.MoveTo("3 Station Road", null, "York", "YO1 0BU", new DateOnly(2026, 3, 1), York, old.Id, 1, Today).Value!;

        Assert.Equal(new DateOnly(2026, 2, 28), old.To);
        Assert.Equal(2, old.Version);
        Assert.Null(moved.To);
        Assert.Equal([old, moved], history.Addresses);
        Assert.True(old.IsCurrentOn(new DateOnly(2026, 2, 28)));
        Assert.False(old.IsCurrentOn(new DateOnly(2026, 3, 1)));
        Assert.Same(moved, history.Current);
    }

    [Fact]
    public void Past_addresses_are_left_as_they_were()
    {
        var older = Lived("1 Beech Grove", new DateOnly(2020, 1, 1), new DateOnly(2024, 3, 31));
        var current = Lived("12 Mill Lane", MovedIn);
        var history = new AddressHistory(Child, [older, current]);

        Assert.True(history.MoveTo("3 Station Road", null, null, "YO1 0BU", Today, York, current.Id, 1, Today).Succeeded);

        Assert.Equal(new DateOnly(2024, 3, 31), older.To);
        Assert.Equal(2, older.Version);
        Assert.Equal(Today.AddDays(-1), current.To);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, 2)]
    public void A_move_from_a_stale_view_of_the_current_address_is_refused_and_changes_nothing(bool sawIt, int? version)
    {
        var current = Lived("12 Mill Lane", MovedIn);
        var history = new AddressHistory(Child, [current]);

        var outcome = history.MoveTo("3 Station Road", null, null, "YO1 0BU", Today, York, sawIt ? current.Id : null, version, Today);

        Assert.True(outcome.Refusal!.IsConflict);
        Assert.Equal(AddressHistory.Stale.Errors, outcome.Refusal!.Errors);
        Assert.Null(current.To);
        Assert.Single(history.Addresses);
    }

    [Fact]
    public void Naming_a_current_address_that_is_no_longer_current_is_stale()
    {
        var gone = Lived("12 Mill Lane", MovedIn, new DateOnly(2025, 1, 1));
        var history = new AddressHistory(Child, [gone]);

        var outcome = history.MoveTo("3 Station Road", null, null, "YO1 0BU", Today, York, gone.Id, 1, Today);

        Assert.Equal("Version", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void A_postcode_not_in_the_directory_is_refused_by_name()
    {
        var history = new AddressHistory(Child, []);

        var outcome = history.MoveTo("12 Mill Lane", null, null, "yo99 9zz", MovedIn, null, null, null, Today);

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("Postcode", error.Field);
        Assert.StartsWith("YO99 9ZZ is not in the postcode directory", error.Message, StringComparison.Ordinal);
        Assert.Empty(history.Addresses);
    }

    [Fact]
    public void A_malformed_postcode_gets_the_format_message_only()
    {
        var outcome = new AddressHistory(Child, []).MoveTo("12 Mill Lane", null, null, "not a postcode", MovedIn, null, null, null, Today);

        Assert.Equal(new FieldError("Postcode", "Enter a real postcode, like SW1A 1AA"), Assert.Single(outcome.Refusal!.Errors));
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("2024-04-01")]
    [InlineData("2023-01-01")]
    public void The_move_in_date_is_after_the_current_address_began_and_not_in_the_future(string from)
    {
        var current = Lived("12 Mill Lane", MovedIn);
        var history = new AddressHistory(Child, [current]);

        var outcome = history.MoveTo("3 Station Road", null, null, "YO1 0BU", DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), York, current.Id, 1, Today);

        Assert.Equal("From", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Null(current.To);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public void A_missing_move_in_date_is_refused_with_the_other_problems()
    {
        var outcome = new AddressHistory(Child, []).MoveTo("12 Mill Lane", null, null, "nonsense", null, null, null, null, Today);

        Assert.Equal(["Postcode", "From"], outcome.Refusal!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_problem_with_the_new_address_is_reported_together()
    {
        var outcome = new AddressHistory(Child, []).MoveTo(" ", null, null, "YO1 0AJ", Today.AddDays(1), null, null, null, Today);

        Assert.Equal(["Line1", "Postcode", "From"], outcome.Refusal!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Only_this_persons_addresses_are_considered()
    {
        var someoneElses = PersonAddress.Record(PersonId.New(), "1 Beech Grove", null, null, "YO1 0AJ", MovedIn, York).Value!;
        var history = new AddressHistory(Child, [someoneElses]);

        Assert.Null(history.Current);
        Assert.True(history.MoveTo("12 Mill Lane", null, null, "YO1 0AJ", Today, York, null, null, Today).Succeeded);
        Assert.Null(someoneElses.To);
    }
}
