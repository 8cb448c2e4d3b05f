using Cairn.Domain.Concerns;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Concerns;

public class ConcernPromptTests
{
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);
    private static readonly ProfessionalId Lead = ProfessionalId.New();
    private static readonly ProfessionalId Colleague = ProfessionalId.New();
    private static readonly TeamId FrontDoor = TeamId.New();
    private static readonly PersonId Child = PersonId.New();
    private const string GoodReason = "Discussed with the school nurse; a home visit is booked for Thursday.";

    // Monday 23 November 2026, 10:00.
    private static readonly DateTimeOffset Raised = When.Now;

    private static RuleFinding Finding(ChronologyEntryId[]? entries = null, ContactId[]? contacts = null,
        ConcernRule rule = ConcernRule.CumulativeConcern, string summary = "4 concerns from 4 agencies in the last 90 days scored 16") =>
        new(rule, Child, summary, entries ?? [ChronologyEntryId.New(), ChronologyEntryId.New()], contacts ?? []);

    private static ConcernPrompt Raise(RuleFinding? finding = null, ProfessionalId? to = null, TeamId? team = null) =>
        ConcernPrompt.Raise(finding ?? Finding(), to ?? Lead, team, Raised, Calendar).Value!;

    // ---- Raising ----

    [Fact]
    public void A_prompt_is_raised_open_with_the_findings_evidence_and_due_in_two_working_days()
    {
        var finding = Finding(contacts: [ContactId.New()]);

        var prompt = ConcernPrompt.Raise(finding, Lead, FrontDoor, Raised, Calendar).Value!;

        Assert.Equal(ConcernPromptStatus.Open, prompt.Status);
        Assert.Equal((Child, ConcernRule.CumulativeConcern, finding.Summary), (prompt.Child, prompt.Rule, prompt.Summary));
        Assert.Equal(finding.Entries, prompt.Entries);
        Assert.Equal(finding.Contacts, prompt.Contacts);
        Assert.Equal(When.At(2026, 11, 25, 17, 0), prompt.DueAt);
        Assert.Equal(prompt.DueAt, prompt.NextEscalationAt);
        Assert.Equal((Lead, FrontDoor), (prompt.AssignedProfessional!.Value, prompt.AssignedTeam!.Value));
        Assert.Equal(ConcernPromptEventKind.Raised, Assert.Single(prompt.Events).Kind);
        Assert.Equal(1, prompt.Version);
    }

    [Fact]
    public void The_working_days_to_answer_are_the_areas_to_set_and_skip_weekends()
    {
        // Friday 27 November 2026, 16:00, with 1 working day: due Monday at close.
        var prompt = ConcernPrompt.Raise(Finding(), null, FrontDoor, When.At(2026, 11, 27, 16, 0), Calendar,
            new ConcernPromptSettings { AnswerWorkingDays = 1 }).Value!;

        Assert.Equal(When.At(2026, 11, 30, 17, 0), prompt.DueAt);
    }

    [Fact]
    public void A_prompt_for_nobody_is_refused()
    {
        var outcome = ConcernPrompt.Raise(Finding(), null, null, Raised, Calendar);

        Assert.Equal("AssignedTo", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    // ---- Answering ----

    [Fact]
    public void The_lead_professional_answers_with_a_response_and_a_reason_and_the_clock_stops()
    {
        var prompt = Raise();

        Assert.Null(prompt.Answer(Lead, null, PromptResponse.AlreadyInHand, $"  {GoodReason}  ", 1, Raised.AddHours(3)));

        Assert.Equal(ConcernPromptStatus.Answered, prompt.Status);
        Assert.Equal((Lead, Raised.AddHours(3), PromptResponse.AlreadyInHand, GoodReason),
            (prompt.AnsweredBy!.Value, prompt.AnsweredAt!.Value, prompt.Response!.Value, prompt.Reason));
        Assert.Null(prompt.NextEscalationAt);
        Assert.Equal(2, prompt.Version);
        Assert.Equal(ConcernPromptEventKind.Answered, prompt.Events[^1].Kind);
        Assert.Equal(Lead, prompt.Events[^1].By);
    }

    [Fact]
    public void Anyone_in_the_assigned_team_may_answer_but_nobody_else()
    {
        var prompt = ConcernPrompt.Raise(Finding(), null, FrontDoor, Raised, Calendar).Value!;

        Assert.NotNull(prompt.Answer(Colleague, TeamId.New(), PromptResponse.StepUpToFrontDoor, GoodReason, 1, Raised));
        Assert.NotNull(prompt.Answer(Colleague, null, PromptResponse.StepUpToFrontDoor, GoodReason, 1, Raised));
        Assert.Equal(ConcernPromptStatus.Open, prompt.Status);
        Assert.Null(prompt.Answer(Colleague, FrontDoor, PromptResponse.StepUpToFrontDoor, GoodReason, 1, Raised));
    }

    [Fact]
    public void A_named_prompt_is_answered_by_that_professional_not_a_colleague()
    {
        var prompt = Raise();

        Assert.NotNull(prompt.Answer(Colleague, FrontDoor, PromptResponse.NoActionNeeded, GoodReason, 1, Raised));
        Assert.Null(prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, GoodReason, 1, Raised));
    }

    [Fact]
    public void An_answer_on_an_old_version_is_refused_and_changes_nothing()
    {
        var prompt = Raise();
        prompt.Sweep(When.At(2026, 11, 25, 17, 0), EscalationLadder.Default, Calendar);

        var refusal = prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, GoodReason, 1, Raised);

        Assert.Equal("Version", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(ConcernPromptStatus.Open, prompt.Status);
        Assert.Null(prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, GoodReason, prompt.Version, Raised));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Noted")]
    public void A_blank_or_too_short_reason_is_refused(string? reason)
    {
        var prompt = Raise();

        var refusal = prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, reason, 1, Raised);

        Assert.Equal("Reason", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(ConcernPromptStatus.Open, prompt.Status);
        Assert.Equal(1, prompt.Version);
    }

    [Fact]
    public void A_reason_of_exactly_the_minimum_length_is_accepted_and_one_shorter_is_not_whatever_the_spaces_around_it()
    {
        Assert.Equal(20, ConcernPrompt.MinReasonLength);

        Assert.Null(Raise().Answer(Lead, null, PromptResponse.NoActionNeeded, $"  {new string('x', 20)}  ", 1, Raised));
        Assert.NotNull(Raise().Answer(Lead, null, PromptResponse.NoActionNeeded, $"  {new string('x', 19)}  ", 1, Raised));
    }

    [Fact]
    public void An_answer_without_a_response_is_refused_and_so_is_one_outside_the_list()
    {
        Assert.Equal("Response", Assert.Single(Raise().Answer(Lead, null, null, GoodReason, 1, Raised)!.Errors).Field);
        Assert.Equal("Response", Assert.Single(Raise().Answer(Lead, null, (PromptResponse)42, GoodReason, 1, Raised)!.Errors).Field);
    }

    [Fact]
    public void An_answered_prompt_cannot_be_answered_again()
    {
        var prompt = Raise();
        prompt.Answer(Lead, null, PromptResponse.NoActionNeeded, GoodReason, 1, Raised);

        var refusal = prompt.Answer(Lead, null, PromptResponse.StepUpToFrontDoor, GoodReason, prompt.Version, Raised);

        Assert.Equal("Prompt", Assert.Single(refusal!.Errors).Field);
        Assert.Equal(PromptResponse.NoActionNeeded, prompt.Response);
    }

    // ---- Reassigning ----

    [Fact]
    public void Reassigning_passes_the_prompt_on_with_a_reason_without_buying_time()
    {
        var prompt = Raise();
        var due = prompt.DueAt;

        Assert.Null(prompt.Reassign(Colleague, null, Lead, null, false, "Moving teams: the new allocated worker holds the case", 1, Raised.AddHours(1)));

        Assert.Equal(Colleague, prompt.AssignedProfessional);
        Assert.Equal(due, prompt.DueAt);
        Assert.True(prompt.IsFor(Colleague, null));
        Assert.False(prompt.IsFor(Lead, null));
        var passed = Assert.Single(prompt.Events, e => e.Kind == ConcernPromptEventKind.Reassigned);
        Assert.Equal((Lead, "Moving teams: the new allocated worker holds the case"), (passed.By, passed.Note));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void Only_whoever_it_is_for_or_an_overseer_passes_it_on(bool isAssignee, bool oversees, bool allowed)
    {
        var prompt = Raise();
        var by = isAssignee ? Lead : ProfessionalId.New();

        var refusal = prompt.Reassign(null, FrontDoor, by, null, oversees, GoodReason, 1, Raised);

        Assert.Equal(allowed, refusal is null);
        Assert.Equal(allowed ? FrontDoor : null, prompt.AssignedTeam);
        if (!allowed)
        {
            Assert.Equal(ConcernPrompt.NotYoursToReassign, Assert.Single(refusal!.Errors).Message);
        }
    }

    [Fact]
    public void Anyone_in_the_team_it_is_for_may_pass_it_on()
    {
        var prompt = Raise();
        Assert.Null(prompt.Reassign(null, FrontDoor, Lead, null, false, GoodReason, 1, Raised));

        Assert.Null(prompt.Reassign(Lead, null, Colleague, FrontDoor, false, GoodReason, prompt.Version, Raised));
        Assert.Equal((Lead, (TeamId?)null), (prompt.AssignedProfessional, prompt.AssignedTeam));
    }

    [Fact]
    public void Passing_on_needs_someone_new_and_a_reason_and_changes_nothing_when_refused()
    {
        var prompt = Raise();

        var refusal = prompt.Reassign(Lead, null, Lead, null, false, "ok", 1, Raised);

        Assert.Equal(["AssignTo", "Reason"], refusal!.Errors.Select(e => e.Field).Order());
        Assert.Equal("AssignTo", Assert.Single(prompt.Reassign(null, null, Lead, null, false, GoodReason, 1, Raised)!.Errors).Field);
        Assert.Equal((Lead, 1), (prompt.AssignedProfessional, prompt.Version));
        Assert.Equal("Version", Assert.Single(prompt.Reassign(Colleague, null, Lead, null, false, GoodReason, 7, Raised)!.Errors).Field);
    }

    [Fact]
    public void The_manager_of_the_team_it_is_for_may_answer_and_the_history_says_so()
    {
        var prompt = Raise();
        var manager = ProfessionalId.New();

        Assert.Equal(ConcernPrompt.NotYoursToAnswer,
            Assert.Single(prompt.Answer(manager, null, PromptResponse.AlreadyInHand, GoodReason, 1, Raised)!.Errors).Message);
        Assert.Null(prompt.Answer(manager, null, PromptResponse.AlreadyInHand, GoodReason, 1, Raised, managesAssignee: true));

        Assert.Equal(manager, prompt.AnsweredBy);
        var answered = Assert.Single(prompt.Events, e => e.Kind == ConcernPromptEventKind.Answered);
        Assert.StartsWith(ConcernPrompt.AnsweredAsManagerNote, answered.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_assignee_answering_is_not_noted_as_a_manager_even_when_they_manage_the_team()
    {
        var prompt = Raise();

        Assert.Null(prompt.Answer(Lead, null, PromptResponse.AlreadyInHand, GoodReason, 1, Raised, managesAssignee: true));

        Assert.DoesNotContain(ConcernPrompt.AnsweredAsManagerNote, Assert.Single(prompt.Events, e => e.Kind == ConcernPromptEventKind.Answered).Note,
            StringComparison.Ordinal);
    }

    // ---- Escalation ----

    [Fact]
    public void Nothing_escalates_before_the_due_time()
    {
        var prompt = Raise();

        Assert.Null(prompt.Sweep(When.At(2026, 11, 25, 16, 59), EscalationLadder.Default, Calendar));
        Assert.Equal(0, prompt.EscalationLevel);
        Assert.Equal(1, prompt.Version);
    }

    [Fact]
    public void An_overdue_prompt_climbs_the_ladder_one_rung_per_sweep_and_never_twice()
    {
        var prompt = ConcernPrompt.Raise(Finding(), Lead, FrontDoor, Raised, Calendar).Value!;

        var first = prompt.Sweep(When.At(2026, 11, 25, 17, 0), EscalationLadder.Default, Calendar);
        var again = prompt.Sweep(When.At(2026, 11, 25, 17, 5), EscalationLadder.Default, Calendar);
        var second = prompt.Sweep(When.At(2026, 11, 26, 13, 0), EscalationLadder.Default, Calendar);
        var third = prompt.Sweep(When.At(2026, 11, 26, 17, 0), EscalationLadder.Default, Calendar);
        var beyond = prompt.Sweep(When.At(2026, 12, 20, 12, 0), EscalationLadder.Default, Calendar);

        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager), (first!.Level, first.Audience));
        Assert.Equal((prompt.Id, Child, ConcernRule.CumulativeConcern, prompt.DueAt, Lead, FrontDoor),
            (first.PromptId, first.Child, first.Rule, first.DueAt, first.AssignedProfessional!.Value, first.AssignedTeam!.Value));
        Assert.Null(again);
        Assert.Equal((2, EscalationAudience.SafeguardingLead), (second!.Level, second.Audience));
        Assert.Equal((3, EscalationAudience.HeadOfService), (third!.Level, third.Audience));
        Assert.Null(beyond);
        Assert.Null(prompt.NextEscalationAt);
        var escalations = prompt.Events.Where(e => e.Kind == ConcernPromptEventKind.Escalated).ToList();
        Assert.Equal([1, 2, 3], escalations.Select(e => e.Level!.Value));
        Assert.Equal([When.At(2026, 11, 25, 17, 0), When.At(2026, 11, 26, 13, 0), When.At(2026, 11, 26, 17, 0)], escalations.Select(e => e.At));
    }

    [Fact]
    public void A_late_sweep_still_climbs_only_one_rung()
    {
        var prompt = Raise();

        var escalation = prompt.Sweep(When.At(2026, 12, 20, 12, 0), EscalationLadder.Default, Calendar);

        Assert.Equal(1, escalation!.Level);
        Assert.Equal(1, prompt.EscalationLevel);
    }

    [Fact]
    public void An_answered_prompt_does_not_escalate()
    {
        var prompt = Raise();
        prompt.Answer(Lead, null, PromptResponse.StepUpToFrontDoor, GoodReason, 1, Raised);

        Assert.Null(prompt.Sweep(When.At(2026, 12, 1, 12, 0), EscalationLadder.Default, Calendar));
        Assert.DoesNotContain(prompt.Events, e => e.Kind == ConcernPromptEventKind.Escalated);
    }

    // ---- Refreshing ----

    [Fact]
    public void Refreshing_adds_new_evidence_keeps_the_old_and_takes_the_new_summary()
    {
        var old = ChronologyEntryId.New();
        var prompt = Raise(Finding([old]));
        var added = ChronologyEntryId.New();
        var contact = ContactId.New();

        // The new finding no longer lists the old entry (it left the window): it stays on the prompt.
        var changed = prompt.Refresh(Finding([added], [contact], summary: "5 concerns"), Raised.AddDays(1));

        Assert.True(changed);
        Assert.Equal([old, added], prompt.Entries);
        Assert.Equal([contact], prompt.Contacts);
        Assert.Equal("5 concerns", prompt.Summary);
        Assert.Equal(2, prompt.Version);
        Assert.Equal(Raised.AddDays(1), prompt.Evidence.Single(e => e.EntryId == added).AddedAt);
        Assert.Equal(Raised, prompt.Evidence.Single(e => e.EntryId == old).AddedAt);
        Assert.Equal(ConcernPromptEventKind.EvidenceAdded, prompt.Events[^1].Kind);
    }

    [Fact]
    public void Refreshing_with_nothing_new_changes_nothing()
    {
        var finding = Finding();
        var prompt = Raise(finding);

        Assert.False(prompt.Refresh(finding with { Summary = "different words" }, Raised.AddDays(1)));
        Assert.Equal(finding.Summary, prompt.Summary);
        Assert.Equal(1, prompt.Version);
        Assert.Single(prompt.Events);
    }

    [Fact]
    public void Refreshing_does_not_buy_time_and_does_not_touch_an_answered_prompt_or_another_rule()
    {
        var prompt = Raise();
        var due = prompt.DueAt;

        prompt.Refresh(Finding(), Raised.AddDays(1));
        Assert.Equal(due, prompt.DueAt);

        Assert.False(prompt.Refresh(Finding(rule: ConcernRule.UnderTwoInRiskHousehold), Raised.AddDays(1)));
        prompt.Answer(Lead, null, PromptResponse.AlreadyInHand, GoodReason, prompt.Version, Raised.AddDays(1));
        var count = prompt.Evidence.Count;
        Assert.False(prompt.Refresh(Finding(), Raised.AddDays(2)));
        Assert.Equal(count, prompt.Evidence.Count);
    }
}
