using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class HouseholdTests
{
    private static readonly DateOnly Joined = new(2025, 1, 10);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PersonId Child = PersonId.New();
    private static readonly PersonId Partner = PersonId.New();

    [Fact]
    public void A_household_is_created_with_a_trimmed_name()
    {
        var area = AreaId.New();
        var household = Household.Create(area, " 12 Mill Lane ");

        Assert.Equal("12 Mill Lane", household.Name);
        Assert.Equal(area, household.AreaId);
        Assert.Empty(household.Members);
        Assert.Equal(1, household.Version);
    }

    [Fact]
    public void A_current_member_cannot_join_again()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        Assert.Null(household.Join(Child, Joined, Today));

        Assert.Equal("PersonId", Assert.Single(household.Join(Child, Joined.AddDays(1), Today)!.Errors).Field);
        Assert.Single(household.Members);
    }

    [Fact]
    public void Leaving_closes_the_membership_rather_than_removing_it()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Child, Joined, Today);
        household.Join(Partner, Joined, Today);

        Assert.Null(household.Leave(Partner, new DateOnly(2025, 6, 30), household.Version, Today));

        Assert.Equal(
            [(Child, Joined, (DateOnly?)null), (Partner, Joined, new DateOnly(2025, 6, 30))],
            household.Members.Select(m => (m.PersonId, m.JoinedOn, m.LeftOn)));
        Assert.Equal([Child, Partner], household.MembersOn(new DateOnly(2025, 6, 30)));
        Assert.Equal([Child], household.MembersOn(new DateOnly(2025, 7, 1)));
        Assert.Empty(household.MembersOn(Joined.AddDays(-1)));
    }

    [Fact]
    public void Someone_who_left_can_rejoin_and_both_periods_are_kept()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Partner, Joined, Today);
        household.Leave(Partner, new DateOnly(2025, 6, 30), household.Version, Today);

        Assert.Null(household.Join(Partner, new DateOnly(2025, 9, 1), Today));

        Assert.Equal(2, household.Members.Count);
        Assert.Empty(household.MembersOn(new DateOnly(2025, 8, 1)));
        Assert.Equal([Partner], household.MembersOn(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public void Rejoining_must_be_after_the_last_move_out()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Partner, Joined, Today);
        household.Leave(Partner, new DateOnly(2025, 6, 30), household.Version, Today);

        Assert.Equal("JoinedOn", Assert.Single(household.Join(Partner, new DateOnly(2025, 6, 30), Today)!.Errors).Field);
        Assert.Single(household.Members);
    }

    [Fact]
    public void Leaving_needs_a_current_membership_and_a_date_not_before_joining()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Child, Joined, Today);

        Assert.Equal("PersonId", Assert.Single(household.Leave(Partner, Joined, household.Version, Today)!.Errors).Field);
        Assert.Equal("LeftOn", Assert.Single(household.Leave(Child, Joined.AddDays(-1), household.Version, Today)!.Errors).Field);
        Assert.Null(household.Members[0].LeftOn);
        Assert.Null(household.Leave(Child, Joined, household.Version, Today));
        Assert.Equal("PersonId", Assert.Single(household.Leave(Child, Joined, household.Version, Today)!.Errors).Field);
    }

    [Fact]
    public void Every_join_and_move_out_moves_the_version_on()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");

        household.Join(Child, Joined, Today);
        Assert.Equal(2, household.Version);
        household.Leave(Child, Joined.AddDays(5), 2, Today);
        Assert.Equal(3, household.Version);
        household.Join(Child, Joined.AddDays(30), Today);
        Assert.Equal(4, household.Version);
    }

    [Fact]
    public void A_move_out_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Child, Joined, Today);
        household.Join(Partner, Joined, Today);

        var refusal = household.Leave(Child, Joined.AddDays(5), 2, Today);

        Assert.True(refusal!.IsConflict);
        Assert.Equal(Household.Stale.Errors, refusal!.Errors);
        Assert.Null(household.Members[0].LeftOn);
        Assert.Equal(3, household.Version);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Moving_in_and_out_are_today_or_in_the_past(int daysFromToday, bool allowed)
    {
        var joining = Household.Create(AreaId.New(), "Mill Lane");
        Assert.Equal(allowed, joining.Join(Child, Today.AddDays(daysFromToday), Today) is null);

        var leaving = Household.Create(AreaId.New(), "Mill Lane");
        leaving.Join(Child, Joined, Today);
        Assert.Equal(allowed, leaving.Leave(Child, Today.AddDays(daysFromToday), leaving.Version, Today) is null);
    }

    [Fact]
    public void A_new_household_starts_with_its_first_member()
    {
        var area = AreaId.New();

        var household = Household.Start(area, " Nowak household, Mill Lane ", Child, Joined, Today).Value!;

        Assert.Equal("Nowak household, Mill Lane", household.Name);
        Assert.Equal(area, household.AreaId);
        Assert.Equal([Child], household.MembersOn(Joined));
    }

    [Theory]
    [InlineData("", "NewHouseholdName")]
    [InlineData("   ", "NewHouseholdName")]
    [InlineData(null, "NewHouseholdName")]
    public void A_new_household_needs_a_name(string? name, string field)
    {
        var outcome = Household.Start(AreaId.New(), name!, Child, Joined, Today);

        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void A_new_household_name_has_a_limit_and_its_first_member_a_real_date()
    {
        Assert.Equal("NewHouseholdName", Assert.Single(Household.Start(AreaId.New(), new string('x', Household.MaxNameLength + 1), Child, Joined, Today).Refusal!.Errors).Field);
        Assert.Equal("JoinedOn", Assert.Single(Household.Start(AreaId.New(), "Mill Lane", Child, Today.AddDays(1), Today).Refusal!.Errors).Field);
    }
}
