using Cairn.Domain.Concerns;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Concerns;

public class PromptReconciliationTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly ProfessionalId Lead = ProfessionalId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly ChronologyEntryId First = ChronologyEntryId.New();
    private static readonly ChronologyEntryId Second = ChronologyEntryId.New();
    private static readonly ConcernPromptSettings Settings = new();

    private static RuleFinding Finding(ConcernRule rule, params ChronologyEntryId[] entries) => new(rule, Child, "summary", entries, []);

    private static ConcernPrompt Open(RuleFinding finding, DateTimeOffset? at = null) =>
        ConcernPrompt.Raise(finding, Lead, null, at ?? When.DaysAgo(100), Calendar).Value!;

    private static ConcernPrompt Answered(RuleFinding finding, DateTimeOffset answeredAt)
    {
        var prompt = Open(finding, answeredAt.AddDays(-1));
        Assert.Null(prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, "Seen by the school nurse this week; all well.", 1, answeredAt));
        return prompt;
    }

    [Fact]
    public void A_first_finding_raises_a_prompt()
    {
        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First), [], When.Now, Settings);

        Assert.Equal(PromptAction.Raise, decision.Action);
        Assert.Null(decision.Prompt);
    }

    [Fact]
    public void An_open_prompt_with_all_the_evidence_is_left_alone()
    {
        var open = Open(Finding(ConcernRule.CumulativeConcern, First, Second));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, Second), [open], When.Now, Settings);

        Assert.Equal((PromptAction.Nothing, open), (decision.Action, decision.Prompt));
    }

    [Fact]
    public void An_open_prompt_is_refreshed_with_new_evidence_rather_than_a_second_one_raised()
    {
        var open = Open(Finding(ConcernRule.CumulativeConcern, First));
        var finding = Finding(ConcernRule.CumulativeConcern, First, Second);

        var decision = ConcernPrompt.Reconcile(finding, [open], When.Now, Settings);

        Assert.Equal((PromptAction.Refresh, open), (decision.Action, decision.Prompt));
        Assert.True(decision.Prompt!.Refresh(finding, When.Now));
        Assert.Equal([First, Second], open.Entries);
    }

    [Fact]
    public void After_an_answer_the_same_evidence_does_not_raise_again()
    {
        var answered = Answered(Finding(ConcernRule.CumulativeConcern, First, Second), When.DaysAgo(200));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, Second, First), [answered], When.Now, Settings);

        Assert.Equal((PromptAction.Nothing, answered), (decision.Action, decision.Prompt));
    }

    [Fact]
    public void After_an_answer_new_evidence_raises_a_new_prompt()
    {
        var answered = Answered(Finding(ConcernRule.CumulativeConcern, First), When.DaysAgo(2));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First, Second), [answered], When.Now, Settings);

        Assert.Equal(PromptAction.Raise, decision.Action);
    }

    [Fact]
    public void New_contacts_count_as_new_evidence_too()
    {
        var contact = ContactId.New();
        var answered = Answered(new RuleFinding(ConcernRule.RepeatedNoFurtherAction, Child, "s", [], [contact]), When.DaysAgo(2));
        var finding = new RuleFinding(ConcernRule.RepeatedNoFurtherAction, Child, "s", [], [contact, ContactId.New()]);

        Assert.Equal(PromptAction.Raise, ConcernPrompt.Reconcile(finding, [answered], When.Now, Settings).Action);
    }

    [Fact]
    public void Only_the_latest_answer_counts()
    {
        var older = Answered(Finding(ConcernRule.CumulativeConcern, First, Second), When.DaysAgo(50));
        var latest = Answered(Finding(ConcernRule.CumulativeConcern, First), When.DaysAgo(5));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First, Second), [latest, older], When.Now, Settings);

        Assert.Equal(PromptAction.Raise, decision.Action);
        Assert.Equal(latest, decision.Prompt);
    }

    [Theory]
    [InlineData(ConcernRule.OffTheRadar)]
    [InlineData(ConcernRule.NoFaceToFaceHealthVisit)]
    public void For_an_absence_the_answer_stands_for_29_days_and_the_prompt_comes_back_on_the_30th(ConcernRule rule)
    {
        var answered = Answered(Finding(rule, First), When.At(2026, 10, 24, 16, 0));

        Assert.Equal(PromptAction.Nothing, ConcernPrompt.Reconcile(Finding(rule, First), [answered], When.At(2026, 11, 22, 23, 59), Settings).Action);
        Assert.Equal(PromptAction.Raise, ConcernPrompt.Reconcile(Finding(rule, First), [answered], When.At(2026, 11, 23, 0, 0), Settings).Action);
    }

    [Fact]
    public void An_absence_with_no_evidence_at_all_comes_back_after_the_set_days_too()
    {
        var answered = Answered(Finding(ConcernRule.OffTheRadar), When.DaysAgo(10));

        Assert.Equal(PromptAction.Nothing, ConcernPrompt.Reconcile(Finding(ConcernRule.OffTheRadar), [answered], When.Now, Settings).Action);
        Assert.Equal(PromptAction.Raise, ConcernPrompt.Reconcile(Finding(ConcernRule.OffTheRadar), [answered], When.Now,
            new ConcernPromptSettings { ReraiseAbsenceAfterDays = 10 }).Action);
    }

    [Fact]
    public void A_rule_about_what_was_recorded_does_not_come_back_with_time_alone()
    {
        var answered = Answered(Finding(ConcernRule.UnderTwoInRiskHousehold, First), When.DaysAgo(300));

        Assert.Equal(PromptAction.Nothing, ConcernPrompt.Reconcile(Finding(ConcernRule.UnderTwoInRiskHousehold, First), [answered], When.Now, Settings).Action);
    }

    [Fact]
    public void Prompts_for_another_rule_or_another_child_are_ignored()
    {
        var otherRule = Open(Finding(ConcernRule.UnderTwoInRiskHousehold, First));
        var otherChild = Open(new RuleFinding(ConcernRule.CumulativeConcern, PersonId.New(), "s", [First], []));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First), [otherRule, otherChild], When.Now, Settings);

        Assert.Equal((PromptAction.Raise, (ConcernPrompt?)null), (decision.Action, decision.Prompt));
    }

    [Fact]
    public void An_open_prompt_wins_over_an_answered_one()
    {
        var answered = Answered(Finding(ConcernRule.CumulativeConcern, First), When.DaysAgo(40));
        var open = Open(Finding(ConcernRule.CumulativeConcern, First, Second), When.DaysAgo(3));

        var decision = ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First, Second), [answered, open], When.Now, Settings);

        Assert.Equal((PromptAction.Nothing, open), (decision.Action, decision.Prompt));
    }

    [Fact]
    public void The_deciding_prompt_is_the_open_one_else_the_latest_answered_else_none()
    {
        var finding = Finding(ConcernRule.CumulativeConcern, First);
        var older = Answered(finding, When.DaysAgo(50));
        var latest = Answered(finding, When.DaysAgo(5));
        var open = Open(finding, When.DaysAgo(3));
        var otherRule = Open(Finding(ConcernRule.OffTheRadar, First));

        Assert.Equal(open, ConcernPrompt.Deciding(finding, [older, open, latest, otherRule]));
        Assert.Equal(latest, ConcernPrompt.Deciding(finding, [older, latest, otherRule]));
        Assert.Null(ConcernPrompt.Deciding(finding, [otherRule]));
    }

    [Fact]
    public void Reconciling_with_evidence_ids_read_apart_decides_as_with_the_prompt_s_own_evidence()
    {
        var open = Open(Finding(ConcernRule.CumulativeConcern, First));
        var answered = Answered(Finding(ConcernRule.OffTheRadar, First, Second), When.DaysAgo(2));
        var held = new Dictionary<ConcernPromptId, HeldEvidence>
        {
            [open.Id] = new([First], []),
            [answered.Id] = new([First, Second], []),
        };

        foreach (var finding in new[]
                 {
                     Finding(ConcernRule.CumulativeConcern, First), Finding(ConcernRule.CumulativeConcern, First, Second),
                     Finding(ConcernRule.OffTheRadar, Second), Finding(ConcernRule.OffTheRadar, First, Second, ChronologyEntryId.New()),
                 })
        {
            Assert.Equal(ConcernPrompt.Reconcile(finding, [open, answered], When.Now, Settings),
                ConcernPrompt.Reconcile(finding, [open, answered], held, When.Now, Settings));
        }
    }

    [Fact]
    public void Reconciling_without_the_deciding_prompt_s_evidence_is_refused_rather_than_guessed()
    {
        var open = Open(Finding(ConcernRule.CumulativeConcern, First));

        Assert.Throws<ArgumentException>(() =>
            ConcernPrompt.Reconcile(Finding(ConcernRule.CumulativeConcern, First), [open], new Dictionary<ConcernPromptId, HeldEvidence>(), When.Now, Settings));
    }

    [Fact]
    public void Refreshing_with_the_evidence_held_adds_only_what_is_new_and_then_holds_it()
    {
        var open = Open(Finding(ConcernRule.CumulativeConcern, First));
        var third = ChronologyEntryId.New();
        var contact = ContactId.New();
        // As read without its evidence rows: the held ids say the first entry is already there.
        var held = new HeldEvidence([First], []);
        var version = open.Version;

        Assert.True(open.Refresh(new RuleFinding(ConcernRule.CumulativeConcern, Child, "later", [First, Second, third], [contact]), held, When.Now));

        Assert.Equal([First, Second, third], open.Entries);
        Assert.Equal([contact], open.Contacts);
        Assert.Equal(version + 1, open.Version);
        Assert.Equal("later", open.Summary);
        Assert.True(held.HoldsAll(new RuleFinding(ConcernRule.CumulativeConcern, Child, "s", [Second, third], [contact])));
        Assert.False(open.Refresh(Finding(ConcernRule.CumulativeConcern, Second, third), held, When.Now));
        Assert.Equal(version + 1, open.Version);
    }
}
