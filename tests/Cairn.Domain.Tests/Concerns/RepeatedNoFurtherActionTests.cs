using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;

namespace Cairn.Domain.Tests.Concerns;

public class RepeatedNoFurtherActionTests
{
    private static readonly RepeatedNoFurtherActionSettings Defaults = ConcernRuleSettings.Default.RepeatedNoFurtherAction;

    private static ConcernRuleSettings With(RepeatedNoFurtherActionSettings settings) =>
        ConcernRuleSettings.Default with { RepeatedNoFurtherAction = settings };

    [Fact]
    public void A_third_no_further_action_in_a_year_is_listed_with_the_three_contacts()
    {
        var contacts = new[] { An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10)), An.Contact(When.DaysAgo(100)) };
        var child = AChild.AgedMonths(60).With(contacts);

        var finding = child.Finding(ConcernRule.RepeatedNoFurtherAction);

        Assert.NotNull(finding);
        Assert.Equal(contacts.OrderBy(c => c.DecidedAt).Select(c => c.Id), finding.Contacts);
        Assert.Empty(finding.Entries);
        Assert.Equal("3 front-door contacts in the last 365 days ended in no further action, against a limit of 3", finding.Summary);
    }

    [Fact]
    public void Two_are_one_short()
    {
        Assert.Null(AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10))).Finding(ConcernRule.RepeatedNoFurtherAction));
    }

    [Fact]
    public void A_decision_on_the_first_day_of_the_window_counts_and_one_the_day_before_does_not()
    {
        var inside = AChild.AgedMonths(60).With(An.Contact(When.StartOfDayBefore(365)), An.Contact(When.DaysAgo(50)), An.Contact(When.DaysAgo(5)));
        var outside = AChild.AgedMonths(60).With(An.Contact(When.JustBefore(365)), An.Contact(When.DaysAgo(50)), An.Contact(When.DaysAgo(5)));

        Assert.NotNull(inside.Finding(ConcernRule.RepeatedNoFurtherAction));
        Assert.Null(outside.Finding(ConcernRule.RepeatedNoFurtherAction));
    }

    [Theory]
    [InlineData(TriageOutcome.EarlyHelp)]
    [InlineData(TriageOutcome.Assessment)]
    [InlineData(TriageOutcome.StrategyDiscussion)]
    [InlineData(TriageOutcome.ImmediateProtection)]
    [InlineData(null)]
    public void Other_decisions_and_undecided_contacts_do_not_count(TriageOutcome? outcome)
    {
        var child = AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10)), An.Contact(When.DaysAgo(100), outcome));

        Assert.Null(child.Finding(ConcernRule.RepeatedNoFurtherAction));
    }

    [Fact]
    public void A_decision_without_a_time_is_dated_by_when_the_contact_arrived()
    {
        var undated = new ContactFact(ContactId.New(), When.DaysAgo(20), TriageOutcome.NoFurtherAction, null);
        var tooOld = new ContactFact(ContactId.New(), When.DaysAgo(400), TriageOutcome.NoFurtherAction, null);

        Assert.NotNull(AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10)), undated)
            .Finding(ConcernRule.RepeatedNoFurtherAction));
        Assert.Null(AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10)), tooOld)
            .Finding(ConcernRule.RepeatedNoFurtherAction));
    }

    [Fact]
    public void The_count_and_window_are_the_areas_to_set()
    {
        var child = AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(100)), An.Contact(When.DaysAgo(10)));

        Assert.NotNull(child.Finding(ConcernRule.RepeatedNoFurtherAction, With(Defaults with { Contacts = 2 })));
        Assert.Null(child.Finding(ConcernRule.RepeatedNoFurtherAction, With(Defaults with { Contacts = 2, WindowDays = 90 })));
    }

    [Fact]
    public void A_disabled_rule_does_not_fire()
    {
        var child = AChild.AgedMonths(60).With(An.Contact(When.DaysAgo(300)), An.Contact(When.DaysAgo(10)), An.Contact(When.DaysAgo(100)));

        Assert.Null(child.Finding(ConcernRule.RepeatedNoFurtherAction, With(Defaults with { Enabled = false })));
    }
}
