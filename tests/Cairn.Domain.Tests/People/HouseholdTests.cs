using Cairn.Domain.People;

namespace Cairn.Domain.Tests.People;

public class HouseholdTests
{
    private static readonly DateOnly Joined = new(2025, 1, 10);
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
    }

    [Fact]
    public void A_current_member_cannot_join_again()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        Assert.Null(household.Join(Child, Joined));

        Assert.Equal("PersonId", Assert.Single(household.Join(Child, Joined.AddDays(1))!.Errors).Field);
        Assert.Single(household.Members);
    }

    [Fact]
    public void Leaving_closes_the_membership_rather_than_removing_it()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Child, Joined);
        household.Join(Partner, Joined);

        Assert.Null(household.Leave(Partner, new DateOnly(2025, 6, 30)));

        Assert.Equal(
            [new HouseholdMember(Child, Joined, null), new HouseholdMember(Partner, Joined, new DateOnly(2025, 6, 30))],
            household.Members);
        Assert.Equal([Child, Partner], household.MembersOn(new DateOnly(2025, 6, 30)));
        Assert.Equal([Child], household.MembersOn(new DateOnly(2025, 7, 1)));
        Assert.Empty(household.MembersOn(Joined.AddDays(-1)));
    }

    [Fact]
    public void Someone_who_left_can_rejoin_and_both_periods_are_kept()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Partner, Joined);
        household.Leave(Partner, new DateOnly(2025, 6, 30));

        Assert.Null(household.Join(Partner, new DateOnly(2025, 9, 1)));

        Assert.Equal(2, household.Members.Count);
        Assert.Empty(household.MembersOn(new DateOnly(2025, 8, 1)));
        Assert.Equal([Partner], household.MembersOn(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public void Leaving_needs_a_current_membership_and_a_date_not_before_joining()
    {
        var household = Household.Create(AreaId.New(), "Mill Lane");
        household.Join(Child, Joined);

        Assert.Equal("PersonId", Assert.Single(household.Leave(Partner, Joined)!.Errors).Field);
        Assert.Equal("LeftOn", Assert.Single(household.Leave(Child, Joined.AddDays(-1))!.Errors).Field);
        Assert.Null(household.Members[0].LeftOn);
        Assert.Null(household.Leave(Child, Joined));
        Assert.Equal("PersonId", Assert.Single(household.Leave(Child, Joined)!.Errors).Field);
    }
}
