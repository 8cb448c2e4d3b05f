using Cairn.Domain.Disagreements;

namespace Cairn.Domain.Tests.Disagreements;

public class DisagreementTests
{
    // Tuesday 10 November 2026, 10:00 GMT: a plain working week with no bank holiday in the next fortnight.
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DisagreementRules Rules = DisagreementRules.Default;

    private static readonly ProfessionalId Raiser = ProfessionalId.New();
    private static readonly ProfessionalId Stage1Owner = ProfessionalId.New();
    private static readonly ProfessionalId Stage2Owner = ProfessionalId.New();
    private static readonly ProfessionalId Stage3Owner = ProfessionalId.New();
    private static readonly ProfessionalId Bystander = ProfessionalId.New();

    public enum Actor
    {
        Raiser,
        CurrentOwner,
        EarlierOwner,
        Bystander,
    }

    public enum State
    {
        AtStage1,
        AtStage2,
        AtStage3,
        Resolved,
        Withdrawn,
    }

    public enum Step
    {
        Resolve,
        Escalate,
        Withdraw,
    }

    private static DisagreementDraft ADraft() => new(" No further action on the contact of 3 November ", ChronologyEntryId.New(),
        "The school has seen new bruising twice since the contact, which the front door did not know about.",
        "A strategy discussion this week");

    private static Disagreement Raised(DateTimeOffset? at = null) =>
        Disagreement.Raise(PersonId.New(), ADraft(), Raiser, AgencyId.New(), Stage1Owner, Rules, at ?? Now).Value!;

    private static Disagreement In(State state)
    {
        var d = Raised();
        switch (state)
        {
            case State.AtStage2:
                Assert.Null(d.EscalateToNextStage("Could not agree", Stage2Owner, d.Version, Stage1Owner, Rules, Now.AddHours(1)));
                break;
            case State.AtStage3:
                Assert.Null(d.EscalateToNextStage("Could not agree", Stage2Owner, d.Version, Stage1Owner, Rules, Now.AddHours(1)));
                Assert.Null(d.EscalateToNextStage("Managers could not agree", Stage3Owner, d.Version, Stage2Owner, Rules, Now.AddHours(2)));
                break;
            case State.Resolved:
                Assert.Null(d.Resolve("Strategy discussion booked for Thursday", d.Version, Stage1Owner, Now.AddHours(1)));
                break;
            case State.Withdrawn:
                Assert.Null(d.Withdraw("New information answered the concern", d.Version, Raiser, Now.AddHours(1)));
                break;
        }

        return d;
    }

    private static ProfessionalId Who(Actor actor, State state) => actor switch
    {
        Actor.Raiser => Raiser,
        Actor.CurrentOwner => state switch
        {
            State.AtStage2 => Stage2Owner,
            State.AtStage3 => Stage3Owner,
            _ => Stage1Owner,
        },
        Actor.EarlierOwner => state == State.AtStage1 ? Stage2Owner : Stage1Owner,
        _ => Bystander,
    };

    private static Refusal? Take(Step step, Disagreement d, ProfessionalId by) => step switch
    {
        Step.Resolve => d.Resolve("Agreed to hold a strategy discussion", d.Version, by, Now.AddHours(3)),
        Step.Escalate => d.EscalateToNextStage("We could not agree", Bystander == by ? ProfessionalId.New() : Bystander, d.Version, by, Rules, Now.AddHours(3)),
        _ => d.Withdraw("Answered by the strategy discussion", d.Version, by, Now.AddHours(3)),
    };

    // Every step, by every kind of person, in every state: null means allowed, otherwise the field refused.
    public static TheoryData<Step, State, Actor, string?> Transitions => new()
    {
        { Step.Resolve, State.AtStage1, Actor.CurrentOwner, null },
        { Step.Resolve, State.AtStage1, Actor.Raiser, Disagreement.ActorField },
        { Step.Resolve, State.AtStage1, Actor.Bystander, Disagreement.ActorField },
        { Step.Resolve, State.AtStage1, Actor.EarlierOwner, Disagreement.ActorField },
        { Step.Resolve, State.AtStage2, Actor.CurrentOwner, null },
        { Step.Resolve, State.AtStage2, Actor.EarlierOwner, Disagreement.ActorField },
        { Step.Resolve, State.AtStage2, Actor.Raiser, Disagreement.ActorField },
        { Step.Resolve, State.AtStage3, Actor.CurrentOwner, null },
        { Step.Resolve, State.AtStage3, Actor.EarlierOwner, Disagreement.ActorField },
        { Step.Resolve, State.AtStage3, Actor.Bystander, Disagreement.ActorField },
        { Step.Resolve, State.Resolved, Actor.CurrentOwner, "Version" },
        { Step.Resolve, State.Withdrawn, Actor.CurrentOwner, "Version" },
        { Step.Escalate, State.AtStage1, Actor.CurrentOwner, null },
        { Step.Escalate, State.AtStage1, Actor.Raiser, Disagreement.ActorField },
        { Step.Escalate, State.AtStage1, Actor.Bystander, Disagreement.ActorField },
        { Step.Escalate, State.AtStage2, Actor.CurrentOwner, null },
        { Step.Escalate, State.AtStage2, Actor.EarlierOwner, Disagreement.ActorField },
        { Step.Escalate, State.AtStage2, Actor.Raiser, Disagreement.ActorField },
        { Step.Escalate, State.AtStage3, Actor.CurrentOwner, "Stage" },
        { Step.Escalate, State.AtStage3, Actor.Bystander, Disagreement.ActorField },
        { Step.Escalate, State.Resolved, Actor.CurrentOwner, "Version" },
        { Step.Escalate, State.Withdrawn, Actor.Raiser, "Version" },
        { Step.Withdraw, State.AtStage1, Actor.Raiser, null },
        { Step.Withdraw, State.AtStage1, Actor.CurrentOwner, Disagreement.ActorField },
        { Step.Withdraw, State.AtStage1, Actor.Bystander, Disagreement.ActorField },
        { Step.Withdraw, State.AtStage2, Actor.Raiser, null },
        { Step.Withdraw, State.AtStage2, Actor.CurrentOwner, Disagreement.ActorField },
        { Step.Withdraw, State.AtStage2, Actor.EarlierOwner, Disagreement.ActorField },
        { Step.Withdraw, State.AtStage3, Actor.Raiser, null },
        { Step.Withdraw, State.AtStage3, Actor.CurrentOwner, Disagreement.ActorField },
        { Step.Withdraw, State.Resolved, Actor.Raiser, "Version" },
        { Step.Withdraw, State.Withdrawn, Actor.Raiser, "Version" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Who_may_take_each_step_in_each_state(Step step, State state, Actor actor, string? refusedField)
    {
        var d = In(state);
        var before = (d.Status, d.Stage, d.OwnerId, d.Version, Events: d.History.Count, d.NextEscalationAt);

        var refusal = Take(step, d, Who(actor, state));

        if (refusedField is null)
        {
            Assert.Null(refusal);
            Assert.Equal(before.Version + 1, d.Version);
            Assert.Equal(before.Events + 1, d.History.Count);
        }
        else
        {
            Assert.Equal(refusedField, Assert.Single(refusal!.Errors).Field);
            Assert.Equal(before, (d.Status, d.Stage, d.OwnerId, d.Version, d.History.Count, d.NextEscalationAt));
        }
    }

    [Fact]
    public void Raising_starts_stage_1_with_its_owner_due_date_and_the_sweeps_next_look()
    {
        var child = PersonId.New();
        var agency = AgencyId.New();
        var draft = ADraft();

        var d = Disagreement.Raise(child, draft, Raiser, agency, Stage1Owner, Rules, Now).Value!;

        Assert.Equal(child, d.ChildId);
        Assert.Equal(Raiser, d.RaisedBy);
        Assert.Equal(agency, d.RaisedByAgency);
        Assert.Equal("No further action on the contact of 3 November", d.Decision);
        Assert.Equal(draft.DecisionEntryId, d.DecisionEntryId);
        Assert.Equal(DisagreementStatus.Open, d.Status);
        Assert.Equal(DisagreementStage.Practitioners, d.Stage);
        Assert.Equal(Stage1Owner, d.OwnerId);
        Assert.Equal(Now, d.StageStartedAt);
        // Tuesday 10 November: five working days after is Tuesday 17 November, at the close of the day.
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 17, 0, 0, TimeSpan.Zero), d.DueAt);
        Assert.Equal(d.DueAt, d.NextEscalationAt);
        Assert.Equal(1, d.Version);
        var stage = Assert.Single(d.Stages);
        Assert.Equal((DisagreementStage.Practitioners, Stage1Owner, Now, d.DueAt, (StageOutcome?)null), (stage.Stage, stage.OwnerId, stage.StartedAt, stage.DueAt, stage.Outcome));
        var raised = Assert.Single(d.History);
        Assert.Equal((DisagreementEventKind.Raised, Raiser, DisagreementStage.Practitioners, Stage1Owner, (DateTimeOffset?)d.DueAt),
            (raised.Kind, raised.By!.Value, raised.Stage, raised.OwnerId, raised.DueAt));
    }

    public static TheoryData<DisagreementDraft, string, string> BadDrafts => new()
    {
        { ADraft() with { Decision = " " }, "Decision", "Enter the decision you disagree with, for example: no further action on the contact of 3 March" },
        { ADraft() with { Decision = null }, "Decision", "Enter the decision you disagree with, for example: no further action on the contact of 3 March" },
        { ADraft() with { Decision = new string('x', DisagreementDraft.MaxDecisionLength + 1) }, "Decision", "The decision must be 500 characters or fewer" },
        { ADraft() with { Concern = "" }, "Concern", "Enter why you disagree with the decision" },
        { ADraft() with { Concern = new string('x', DisagreementDraft.MaxConcernLength + 1) }, "Concern", "Why you disagree must be 4000 characters or fewer" },
        { ADraft() with { OutcomeSought = null }, "OutcomeSought", "Enter the outcome you are seeking, for example: a strategy discussion" },
        { ADraft() with { OutcomeSought = new string('x', DisagreementDraft.MaxOutcomeSoughtLength + 1) }, "OutcomeSought", "The outcome you are seeking must be 2000 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void Each_missing_or_overlong_field_is_named(DisagreementDraft draft, string field, string message)
    {
        var outcome = Disagreement.Raise(PersonId.New(), draft, Raiser, AgencyId.New(), Stage1Owner, Rules, Now);

        Assert.Null(outcome.Value);
        Assert.Equal(new FieldError(field, message), Assert.Single(outcome.Refusal!.Errors));
    }

    [Fact]
    public void Text_at_the_limit_is_accepted_and_the_reference_is_optional()
    {
        var draft = new DisagreementDraft(new string('d', DisagreementDraft.MaxDecisionLength), null, new string('c', DisagreementDraft.MaxConcernLength),
            new string('o', DisagreementDraft.MaxOutcomeSoughtLength));

        var outcome = Disagreement.Raise(PersonId.New(), draft, Raiser, AgencyId.New(), Stage1Owner, Rules, Now);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Value!.DecisionEntryId);
    }

    [Fact]
    public void An_empty_draft_with_no_owner_names_every_field()
    {
        var outcome = Disagreement.Raise(PersonId.New(), new DisagreementDraft(null, null, null, null), Raiser, AgencyId.New(), null, Rules, Now);

        Assert.Equal(["Decision", "Concern", "OutcomeSought", "OwnerId"], outcome.Refusal!.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Nobody_owns_stage_1_of_their_own_disagreement()
    {
        var outcome = Disagreement.Raise(PersonId.New(), ADraft(), Raiser, AgencyId.New(), Raiser, Rules, Now);

        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal("OwnerId", error.Field);
        Assert.StartsWith("Select someone other than yourself", error.Message, StringComparison.Ordinal);
    }

    // Instants carry explicit offsets: +01:00 is British Summer Time, Z is GMT. Due times are the close of
    // working hours (17:00 London) on the Nth working day after the day the stage started.
    [Theory]
    // Raised on Maundy Thursday at 16:55, five minutes before the close: Good Friday and Easter Monday do not count.
    [InlineData("2026-04-02T16:55:00+01:00", DisagreementStage.Practitioners, "2026-04-13T17:00:00+01:00")]
    // Raised at 16:55 on Good Friday itself, a bank holiday: it starts on Tuesday 7 April.
    [InlineData("2026-04-03T16:55:00+01:00", DisagreementStage.Practitioners, "2026-04-14T17:00:00+01:00")]
    // Friday 16:55 before the early May bank holiday Monday.
    [InlineData("2026-05-01T16:55:00+01:00", DisagreementStage.Practitioners, "2026-05-11T17:00:00+01:00")]
    // The same Friday at 17:00 is after the close: it starts on Tuesday 5 May.
    [InlineData("2026-05-01T17:00:00+01:00", DisagreementStage.Practitioners, "2026-05-12T17:00:00+01:00")]
    // Raised on a Saturday: it starts on Monday.
    [InlineData("2026-06-13T11:00:00+01:00", DisagreementStage.Managers, "2026-06-22T17:00:00+01:00")]
    // Before opening on a Monday counts from that Monday.
    [InlineData("2026-06-15T07:30:00+01:00", DisagreementStage.Practitioners, "2026-06-22T17:00:00+01:00")]
    // Across Christmas: 25 and 28 December 2026 (Boxing Day is a Saturday) and 1 January 2027 are bank holidays.
    [InlineData("2026-12-23T10:00:00Z", DisagreementStage.Practitioners, "2027-01-04T17:00:00Z")]
    // Stage 3 has ten working days.
    [InlineData("2026-12-14T09:00:00Z", DisagreementStage.SeniorLeads, "2026-12-30T17:00:00Z")]
    // Across the clocks going back on Sunday 25 October: due at 17:00 GMT.
    [InlineData("2026-10-23T12:00:00+01:00", DisagreementStage.Managers, "2026-10-30T17:00:00Z")]
    // Across the clocks going forward on Sunday 29 March, and Easter: due at 17:00 BST, 16:00 UTC, on Tuesday 7 April.
    [InlineData("2026-03-27T12:00:00Z", DisagreementStage.Practitioners, "2026-04-07T16:00:00Z")]
    public void Stages_are_due_in_working_days(string startedAt, DisagreementStage stage, string dueAt)
    {
        Assert.Equal(DateTimeOffset.Parse(dueAt, System.Globalization.CultureInfo.InvariantCulture),
            Rules.DueAt(stage, DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Raised_late_on_the_thursday_before_easter_is_due_after_the_bank_holidays()
    {
        var d = Raised(new DateTimeOffset(2026, 4, 2, 16, 55, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTimeOffset(2026, 4, 13, 16, 0, 0, TimeSpan.Zero), d.DueAt);
        Assert.Equal(d.DueAt, d.NextEscalationAt);
    }

    [Fact]
    public void An_area_can_set_its_own_timescales()
    {
        var rules = Rules with { Timescales = new DisagreementTimescales(1, 2, 3) };
        var monday = new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 17, 0, 0, TimeSpan.Zero), rules.DueAt(DisagreementStage.Practitioners, monday));
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 17, 0, 0, TimeSpan.Zero), rules.DueAt(DisagreementStage.Managers, monday));
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 17, 0, 0, TimeSpan.Zero), rules.DueAt(DisagreementStage.SeniorLeads, monday));
        var d = Disagreement.Raise(PersonId.New(), ADraft(), Raiser, AgencyId.New(), Stage1Owner, rules, monday).Value!;
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 17, 0, 0, TimeSpan.Zero), d.DueAt);
    }

    [Fact]
    public void The_default_timescales_are_five_five_and_ten_working_days()
    {
        var t = DisagreementTimescales.Default;

        Assert.Equal((5, 5, 10), (t.WorkingDaysFor(DisagreementStage.Practitioners), t.WorkingDaysFor(DisagreementStage.Managers),
            t.WorkingDaysFor(DisagreementStage.SeniorLeads)));
    }

    [Theory]
    [InlineData(0, 5, 10)]
    [InlineData(-1, 5, 10)]
    [InlineData(5, 0, 10)]
    [InlineData(5, 5, 61)]
    public void Timescales_outside_one_to_sixty_working_days_are_a_configuration_error(int first, int second, int third)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisagreementTimescales(first, second, third));
    }

    [Fact]
    public void Timescales_of_one_and_sixty_working_days_are_allowed()
    {
        var t = new DisagreementTimescales(1, DisagreementTimescales.MaxWorkingDays, 1);

        Assert.Equal(60, t.WorkingDaysFor(DisagreementStage.Managers));
    }

    [Fact]
    public void Resolving_closes_it_with_what_was_agreed_and_the_sweep_stops_looking()
    {
        var d = Raised();
        var at = Now.AddDays(1);

        Assert.Null(d.Resolve("  Strategy discussion booked for Thursday  ", 1, Stage1Owner, at));

        Assert.Equal(DisagreementStatus.Resolved, d.Status);
        Assert.Equal("Strategy discussion booked for Thursday", d.Resolution);
        Assert.Equal(at, d.ClosedAt);
        Assert.Null(d.NextEscalationAt);
        Assert.False(d.IsOverdue(d.DueAt.AddDays(30)));
        var stage = Assert.Single(d.Stages);
        Assert.Equal((StageOutcome.Resolved, (ProfessionalId?)Stage1Owner, (DateTimeOffset?)at, "Strategy discussion booked for Thursday"),
            (stage.Outcome!.Value, stage.EndedBy, stage.EndedAt, stage.Note));
        var last = d.History[^1];
        Assert.Equal((DisagreementEventKind.Resolved, (DateTimeOffset?)null), (last.Kind, last.DueAt));
    }

    [Theory]
    [InlineData(null, "Enter what was agreed")]
    [InlineData("   ", "Enter what was agreed")]
    public void Resolving_needs_what_was_agreed(string? agreed, string message)
    {
        var d = Raised();

        var refusal = d.Resolve(agreed, 1, Stage1Owner, Now);

        Assert.Equal(new FieldError("Agreed", message), Assert.Single(refusal!.Errors));
        Assert.Equal(DisagreementStatus.Open, d.Status);
    }

    [Fact]
    public void Notes_longer_than_the_limit_are_refused()
    {
        var d = Raised();
        var tooLong = new string('n', Disagreement.MaxNoteLength + 1);

        Assert.Equal("Agreed", Assert.Single(d.Resolve(tooLong, 1, Stage1Owner, Now)!.Errors).Field);
        Assert.Equal("Reason", Assert.Single(d.EscalateToNextStage(tooLong, Stage2Owner, 1, Stage1Owner, Rules, Now)!.Errors).Field);
        Assert.Equal("Reason", Assert.Single(d.Withdraw(tooLong, 1, Raiser, Now)!.Errors).Field);
        Assert.Equal(1, d.Version);
    }

    [Fact]
    public void Escalating_ends_the_stage_and_starts_the_next_with_a_new_owner_and_timescale()
    {
        var d = Raised();
        var at = new DateTimeOffset(2026, 11, 13, 15, 0, 0, TimeSpan.Zero);

        Assert.Null(d.EscalateToNextStage(" We could not agree ", Stage2Owner, 1, Stage1Owner, Rules, at));

        Assert.Equal((DisagreementStage.Managers, Stage2Owner, at, 2), (d.Stage, d.OwnerId, d.StageStartedAt, d.Version));
        // Friday 13 November plus five working days: Friday 20 November at the close.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero), d.DueAt);
        Assert.Equal(d.DueAt, d.NextEscalationAt);
        Assert.Equal(new StageOutcome?[] { StageOutcome.Escalated, null }, d.Stages.Select(s => s.Outcome));
        Assert.Equal("We could not agree", d.Stages[0].Note);
        var last = d.History[^1];
        Assert.Equal((DisagreementEventKind.Escalated, (ProfessionalId?)Stage1Owner, DisagreementStage.Managers, Stage2Owner, "We could not agree"),
            (last.Kind, last.By, last.Stage, last.OwnerId, last.Note));
    }

    [Fact]
    public void The_next_owner_must_be_someone_new_and_a_reason_is_needed()
    {
        var d = In(State.AtStage2);

        Assert.Equal("NextOwnerId", Assert.Single(d.EscalateToNextStage("No", null, d.Version, Stage2Owner, Rules, Now)!.Errors).Field);
        Assert.Equal("NextOwnerId", Assert.Single(d.EscalateToNextStage("No", Stage2Owner, d.Version, Stage2Owner, Rules, Now)!.Errors).Field);
        Assert.Equal("NextOwnerId", Assert.Single(d.EscalateToNextStage("No", Stage1Owner, d.Version, Stage2Owner, Rules, Now)!.Errors).Field);
        Assert.Equal("NextOwnerId", Assert.Single(d.EscalateToNextStage("No", Raiser, d.Version, Stage2Owner, Rules, Now)!.Errors).Field);
        Assert.Equal(["Reason", "NextOwnerId"], d.EscalateToNextStage(" ", null, d.Version, Stage2Owner, Rules, Now)!.Errors.Select(e => e.Field));
        Assert.Equal(DisagreementStage.Managers, d.Stage);
        Assert.Equal(2, d.Stages.Count);
    }

    [Fact]
    public void Stage_3_is_the_last_its_owner_records_the_final_decision()
    {
        var d = In(State.AtStage3);

        var refusal = d.EscalateToNextStage("Still no agreement", Bystander, d.Version, Stage3Owner, Rules, Now);

        Assert.Equal("Stage 3 is the last stage: record the outcome. The decision at stage 3 is final.", Assert.Single(refusal!.Errors).Message);
        Assert.Null(d.Resolve("Final decision: a section 47 enquiry will start", d.Version, Stage3Owner, Now.AddHours(4)));
        Assert.Equal(DisagreementStatus.Resolved, d.Status);
        Assert.Equal([StageOutcome.Escalated, StageOutcome.Escalated, StageOutcome.Resolved], d.Stages.Select(s => s.Outcome!.Value));
    }

    [Fact]
    public void The_raiser_withdraws_with_a_reason()
    {
        var d = In(State.AtStage2);
        var at = Now.AddDays(2);

        Assert.Equal(new FieldError("Reason", "Enter why you are withdrawing the disagreement"), Assert.Single(d.Withdraw("", d.Version, Raiser, at)!.Errors));
        Assert.Null(d.Withdraw("The police shared information that answers the concern", d.Version, Raiser, at));

        Assert.Equal(DisagreementStatus.Withdrawn, d.Status);
        Assert.Null(d.Resolution);
        Assert.Null(d.NextEscalationAt);
        Assert.Equal(at, d.ClosedAt);
        Assert.Equal(StageOutcome.Withdrawn, d.Stages[^1].Outcome);
        Assert.Equal(DisagreementEventKind.Withdrawn, d.History[^1].Kind);
    }

    [Theory]
    [InlineData(Step.Resolve)]
    [InlineData(Step.Escalate)]
    [InlineData(Step.Withdraw)]
    public void A_stale_version_is_refused_and_changes_nothing(Step step)
    {
        var d = In(State.AtStage2);
        var stale = d.Version - 1;

        var refusal = step switch
        {
            Step.Resolve => d.Resolve("Agreed", stale, Stage2Owner, Now),
            Step.Escalate => d.EscalateToNextStage("No", Stage3Owner, stale, Stage2Owner, Rules, Now),
            _ => d.Withdraw("Answered", stale, Raiser, Now),
        };

        Assert.True(refusal!.IsConflict);
        Assert.Equal(Disagreement.Stale.Errors, refusal!.Errors);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Managers, 2), (d.Status, d.Stage, d.Version));
    }

    [Fact]
    public void Parties_are_the_raiser_and_everyone_who_owned_a_stage()
    {
        var d = In(State.AtStage3);

        Assert.All(new[] { Raiser, Stage1Owner, Stage2Owner, Stage3Owner }, p => Assert.True(d.IsParty(p)));
        Assert.False(d.IsParty(Bystander));
        Assert.True(d.MayResolveOrEscalate(Stage3Owner));
        Assert.False(d.MayResolveOrEscalate(Stage2Owner));
        Assert.True(d.MayWithdraw(Raiser));
        Assert.False(d.MayWithdraw(Stage3Owner));
    }

    [Fact]
    public void Nobody_may_act_on_a_closed_disagreement()
    {
        var d = In(State.Resolved);

        Assert.False(d.MayResolveOrEscalate(Stage1Owner));
        Assert.False(d.MayWithdraw(Raiser));
        Assert.True(d.IsParty(Stage1Owner));
    }

    [Fact]
    public void Not_yet_overdue_nothing_happens()
    {
        var d = Raised();

        var outcome = d.EscalateOverdue([Stage2Owner], Rules, d.DueAt.AddTicks(-1));

        Assert.Equal("NextEscalationAt", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.False(d.IsOverdue(d.DueAt.AddTicks(-1)));
        Assert.Equal((DisagreementStage.Practitioners, 1, 1), (d.Stage, d.Version, d.History.Count));
    }

    [Fact]
    public void Overdue_stage_1_goes_up_to_the_first_eligible_candidate_once()
    {
        var d = Raised();
        var now = d.DueAt;
        Assert.True(d.IsOverdue(now));

        // The raiser and the stage 1 owner are passed over: they may not own stage 2.
        var outcome = d.EscalateOverdue([Raiser, Stage1Owner, Stage2Owner, Stage3Owner], Rules, now);

        var escalation = outcome.Value!;
        Assert.Equal(new DisagreementEscalation(d.Id, d.ChildId, EscalationKind.MovedToNextStage, DisagreementStage.Practitioners, DisagreementStage.Managers,
            Stage1Owner, Stage2Owner, Raiser, d.DueAt), escalation);
        Assert.Equal((DisagreementStage.Managers, Stage2Owner, now, 2), (d.Stage, d.OwnerId, d.StageStartedAt, d.Version));
        // Tuesday 17 November at 17:00 is after the close: stage 2 starts on Wednesday 18, due five working days later.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), d.DueAt);
        Assert.Equal(d.DueAt, d.NextEscalationAt);
        Assert.Equal((StageOutcome.EscalatedWhenOverdue, (ProfessionalId?)null), (d.Stages[0].Outcome!.Value, d.Stages[0].EndedBy));
        var automatic = d.History[^1];
        Assert.Equal((DisagreementEventKind.EscalatedWhenOverdue, (ProfessionalId?)null, Stage2Owner), (automatic.Kind, automatic.By, automatic.OwnerId));

        var again = d.EscalateOverdue([Stage3Owner], Rules, now);

        Assert.False(again.Succeeded);
        Assert.Equal((DisagreementStage.Managers, 2, 2), (d.Stage, d.Version, d.History.Count));
    }

    [Fact]
    public void The_new_owner_can_act_after_an_automatic_escalation_and_the_old_one_cannot()
    {
        var d = Raised();
        d.EscalateOverdue([Stage2Owner], Rules, d.DueAt);

        Assert.Equal(Disagreement.ActorField, Assert.Single(d.Resolve("Agreed", d.Version, Stage1Owner, d.DueAt.AddDays(-1))!.Errors).Field);
        Assert.Null(d.Resolve("Agreed at managers' level", d.Version, Stage2Owner, d.StageStartedAt.AddHours(1)));
    }

    [Fact]
    public void Overdue_stage_2_goes_up_to_stage_3_and_overdue_stage_3_is_flagged_for_the_partnership_once()
    {
        var d = In(State.AtStage2);
        Assert.True(d.EscalateOverdue([Stage3Owner], Rules, d.DueAt.AddHours(1)).Succeeded);
        Assert.Equal((DisagreementStage.SeniorLeads, Stage3Owner), (d.Stage, d.OwnerId));
        var stage3Due = d.DueAt;
        var versionBefore = d.Version;

        var flagged = d.EscalateOverdue([Bystander], Rules, stage3Due);

        Assert.Equal(new DisagreementEscalation(d.Id, d.ChildId, EscalationKind.FlaggedForPartnership, DisagreementStage.SeniorLeads,
            DisagreementStage.SeniorLeads, Stage3Owner, null, Raiser, null), flagged.Value);
        Assert.Equal(stage3Due, d.PartnershipFlaggedAt);
        Assert.Null(d.NextEscalationAt);
        // Still open: the stage 3 owner must still record the final decision.
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.SeniorLeads, Stage3Owner, versionBefore + 1), (d.Status, d.Stage, d.OwnerId, d.Version));
        Assert.Equal(DisagreementEventKind.FlaggedForPartnership, d.History[^1].Kind);
        Assert.True(d.IsOverdue(stage3Due));

        var events = d.History.Count;
        Assert.False(d.EscalateOverdue([Bystander], Rules, stage3Due.AddDays(10)).Succeeded);
        Assert.Equal(events, d.History.Count);
        Assert.Null(d.Resolve("Final decision recorded late", d.Version, Stage3Owner, stage3Due.AddDays(1)));
    }

    [Fact]
    public void With_nobody_to_take_the_next_stage_it_is_flagged_for_the_partnership_and_can_still_be_escalated_by_hand()
    {
        var d = Raised();

        var flagged = d.EscalateOverdue([Raiser, Stage1Owner], Rules, d.DueAt);

        Assert.Equal(EscalationKind.FlaggedForPartnership, flagged.Value!.Kind);
        Assert.Equal((DisagreementStage.Practitioners, Stage1Owner, (DateTimeOffset?)null), (d.Stage, d.OwnerId, d.NextEscalationAt));
        Assert.False(d.EscalateOverdue([Stage2Owner], Rules, d.DueAt.AddDays(1)).Succeeded);

        Assert.Null(d.EscalateToNextStage("Could not agree", Stage2Owner, d.Version, Stage1Owner, Rules, d.DueAt.AddDays(1)));
        Assert.Equal(d.DueAt, d.NextEscalationAt);
    }

    [Theory]
    [InlineData(State.Resolved)]
    [InlineData(State.Withdrawn)]
    public void A_closed_disagreement_never_escalates(State state)
    {
        var d = In(state);

        var outcome = d.EscalateOverdue([Stage2Owner], Rules, Now.AddYears(1));

        Assert.Equal("Status", Assert.Single(outcome.Refusal!.Errors).Field);
        Assert.Null(d.PartnershipFlaggedAt);
    }

    [Fact]
    public void The_history_keeps_every_step_in_order()
    {
        var d = Raised();
        d.EscalateOverdue([Stage2Owner], Rules, d.DueAt);
        d.EscalateToNextStage("Managers could not agree", Stage3Owner, d.Version, Stage2Owner, Rules, d.DueAt.AddDays(-1));
        d.EscalateOverdue([], Rules, d.DueAt);
        d.Resolve("Final decision: strategy discussion", d.Version, Stage3Owner, d.DueAt.AddDays(1));

        Assert.Equal(
            [DisagreementEventKind.Raised, DisagreementEventKind.EscalatedWhenOverdue, DisagreementEventKind.Escalated,
                DisagreementEventKind.FlaggedForPartnership, DisagreementEventKind.Resolved],
            d.History.Select(h => h.Kind));
        Assert.Equal(5, d.Version);
        Assert.Equal([DisagreementStage.Practitioners, DisagreementStage.Managers, DisagreementStage.SeniorLeads], d.Stages.Select(s => s.Stage));
        Assert.Equal([Stage1Owner, Stage2Owner, Stage3Owner], d.Stages.Select(s => s.OwnerId));
    }
}
