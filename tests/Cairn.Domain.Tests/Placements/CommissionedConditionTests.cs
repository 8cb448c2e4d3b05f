using Cairn.Domain.Escalation;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Conditions;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Placements;

/// <summary>
/// Commissioned conditions (L38): a condition is recorded on a current placement; an observation that it was not delivered opens a
/// breach whose risk assessment is due in two working days; until one of the child's risk assessments started since the breach is
/// linked, the breach climbs the escalation ladder one rung per sweep; the regulator and the Designated Officer are told once each.
/// </summary>
public sealed class CommissionedConditionTests
{
    private static readonly WorkingCalendar Calendar = new([]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly ProfessionalId Sam = ProfessionalId.New();

    private static Placement Placed(DateOnly? endedOn = null)
    {
        var placement = Placement.Start(new PlacementStart
        {
            ChildId = PersonId.New(),
            Where = new PlacementWhere { PlacementType = "K2", Provider = "PR4", Urn = "SC123456", Postcode = "YO1 7HH", SettingName = "Elm House" },
            StartedOn = Today.AddDays(-20),
            FamilyInformed = FamilyInformed.InPerson,
        }, new DateOnly(2012, 5, 1), false, [], false, Sam, Now).Value!;
        if (endedOn is { } on)
        {
            Assert.Null(placement.End(on, "CHILD", Sam, placement.Version, Now));
        }

        return placement;
    }

    private static CommissionedCondition Condition(Placement? placement = null) =>
        CommissionedCondition.Record(placement ?? Placed(), ConditionKind.Staffing, "Two staff with her at all times, day and night",
            Today.AddDays(-20), Sam, Now).Value!;

    private static CommissionedCondition Breached(DateTimeOffset? at = null)
    {
        var condition = Condition();
        var when = at ?? Now;
        Assert.Null(condition.Observe(when.InLondon().AddDays(-1), ObservationSource.Child, Delivery.NotDelivered, "Only one member of staff at night",
            Sam, condition.Version, Calendar, when));
        return condition;
    }

    public static TheoryData<string, ConditionKind?, string?, int?, string> Refused => new()
    {
        { "no kind", null, "Two staff", -1, "Kind" },
        { "a kind not known", (ConditionKind)99, "Two staff", -1, "Kind" },
        { "no description", ConditionKind.Staffing, "  ", -1, "Description" },
        { "a description too long", ConditionKind.Staffing, new string('x', 501), -1, "Description" },
        { "no date", ConditionKind.Staffing, "Two staff", null, "From" },
        { "before the placement", ConditionKind.Staffing, "Two staff", -30, "From" },
        { "in the future", ConditionKind.Staffing, "Two staff", 1, "From" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_condition_without_what_or_from_when_is_refused(string @case, ConditionKind? kind, string? description, int? fromDays,
        string field)
    {
        var outcome = CommissionedCondition.Record(Placed(), kind, description, fromDays is { } d ? Today.AddDays(d) : null, Sam, Now);

        Assert.True(outcome.Refusal is not null, @case);
        Assert.Contains(outcome.Refusal!.Errors, e => e.Field == field);
    }

    [Fact]
    public void A_condition_on_an_ended_placement_is_refused()
    {
        var outcome = CommissionedCondition.Record(Placed(Today.AddDays(-2)), ConditionKind.WakingNightStaff, "Waking night staff", Today.AddDays(-5),
            Sam, Now);

        Assert.Equal("Kind", Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void A_delivered_observation_opens_no_breach_and_one_not_delivered_makes_a_risk_assessment_due_in_two_working_days()
    {
        var condition = Condition();
        Assert.Null(condition.Observe(Today.AddDays(-3), ObservationSource.Visit, Delivery.Delivered, null, Sam, condition.Version, Calendar, Now));
        Assert.False(condition.BreachOpen);

        var friday = new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);
        var breached = Breached(friday);

        Assert.True(breached.BreachOpen);
        Assert.Equal(1, breached.Breaches);
        Assert.Equal(Calendar.AddWorkingDays(friday, CommissionedCondition.RiskAssessmentWorkingDays), breached.RiskAssessmentDueAt);
        Assert.True(breached.RiskAssessmentDueAt!.Value.InLondon() >= new DateOnly(2026, 12, 8), "two working days from a Friday is Tuesday");
        Assert.Equal(breached.RiskAssessmentDueAt, breached.NextEscalationAt);
    }

    [Theory]
    [InlineData(Delivery.NotDelivered, "", "Note")]
    [InlineData(Delivery.PartlyDelivered, null, "Note")]
    [InlineData((Delivery)9, "x", "Delivery")]
    public void A_breach_must_say_what_was_not_delivered(Delivery delivery, string? note, string field)
    {
        var condition = Condition();

        var refused = condition.Observe(Today, ObservationSource.SettingStaff, delivery, note, Sam, condition.Version, Calendar, Now);

        Assert.Equal(field, Assert.Single(refused!.Errors).Field);
        Assert.Empty(condition.Observations);
    }

    [Fact]
    public void An_observation_from_a_stale_read_or_an_implausible_date_is_refused()
    {
        var condition = Condition();

        Assert.True(condition.Observe(Today, ObservationSource.Child, Delivery.Delivered, null, Sam, condition.Version + 1, Calendar, Now)!.IsConflict);
        Assert.Equal("ObservedOn", condition.Observe(Today.AddDays(1), ObservationSource.Child, Delivery.Delivered, null, Sam, condition.Version,
            Calendar, Now)!.Errors.Single().Field);
        Assert.Equal("ObservedOn", condition.Observe(Today.AddDays(-40), ObservationSource.Child, Delivery.Delivered, null, Sam, condition.Version,
            Calendar, Now)!.Errors.Single().Field);
    }

    [Fact]
    public void An_unanswered_breach_climbs_one_rung_per_sweep_and_a_linked_risk_assessment_stops_it()
    {
        var condition = Breached();
        var due = condition.RiskAssessmentDueAt!.Value;

        Assert.Null(condition.Sweep(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        var first = condition.Sweep(due.AddMinutes(1), EscalationLadder.Default, Calendar);
        var again = condition.Sweep(due.AddMinutes(2), EscalationLadder.Default, Calendar);
        var second = condition.Sweep(condition.NextEscalationAt!.Value, EscalationLadder.Default, Calendar);

        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager), (first!.Level, first.Audience));
        Assert.Null(again);
        Assert.Equal(2, second!.Level);
        Assert.True(condition.RiskAssessmentOverdue);

        var assessment = AssessmentId.New();
        Assert.Null(condition.AnswerBreach(assessment, condition.ChildId, true, Today, condition.Version));
        Assert.False(condition.BreachOpen);
        Assert.Equal(assessment, condition.RiskAssessmentId);
        Assert.Null(condition.Sweep(due.AddDays(30), EscalationLadder.Default, Calendar));
        Assert.True(condition.RiskAssessmentOverdue, "the lateness stays recorded");
    }

    [Fact]
    public void Only_a_risk_assessment_of_this_child_started_since_the_breach_answers_it()
    {
        var condition = Breached();

        Assert.NotNull(condition.AnswerBreach(AssessmentId.New(), PersonId.New(), true, Today, condition.Version));
        Assert.NotNull(condition.AnswerBreach(AssessmentId.New(), condition.ChildId, false, Today, condition.Version));
        Assert.NotNull(condition.AnswerBreach(AssessmentId.New(), condition.ChildId, true, Today.AddDays(-5), condition.Version));
        Assert.True(condition.BreachOpen);
        Assert.NotNull(Condition().AnswerBreach(AssessmentId.New(), condition.ChildId, true, Today, 0));
    }

    [Fact]
    public void The_regulator_and_the_designated_officer_are_each_told_once_per_breach()
    {
        var condition = Breached();
        var share = ShareId.New();

        Assert.Null(condition.RecordNotice(BreachAuthority.Regulator, share, condition.Version));
        Assert.True(condition.RecordNotice(BreachAuthority.Regulator, ShareId.New(), condition.Version)!.IsConflict);
        Assert.Null(condition.RecordNotice(BreachAuthority.DesignatedOfficer, ShareId.New(), condition.Version));
        Assert.Equal(share, condition.RegulatorShareId);
        Assert.NotNull(Condition().RecordNotice(BreachAuthority.Regulator, ShareId.New(), 0));
    }

    [Fact]
    public void An_ended_condition_takes_no_more_observations_and_keeps_its_history()
    {
        var condition = Breached();

        Assert.Null(condition.End(Today, condition.Version, Now));
        var refused = condition.Observe(Today, ObservationSource.Visit, Delivery.Delivered, null, Sam, condition.Version, Calendar, Now);

        Assert.NotNull(refused);
        Assert.Single(condition.Observations);
        Assert.True(condition.BreachOpen, "an open breach still needs its risk assessment");
    }
}
