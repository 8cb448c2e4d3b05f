using Cairn.Domain.Casework;
using Cairn.Domain.Escalation;
using Cairn.Domain.Placements;
using Cairn.Domain.Tests.Casework;
using Cairn.Domain.Time;

namespace Cairn.Domain.Tests.Placements;

/// <summary>
/// Statutory visits to a looked-after child (T12–T14, L54) and the placement plan (T16): the first visit within a week of the
/// placement, then six-weekly in its first year, then three-monthly if it is meant to last until 18; a visit records the child's
/// views and, if they were not seen alone, why; a visit not made in time climbs the escalation ladder until one is recorded.
/// </summary>
public sealed class StatutoryVisitTests
{
    private static readonly WorkingCalendar Calendar = new([]);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly ProfessionalId Sam = ProfessionalId.New();

    private static Placement Placed(int daysAgo = 0)
    {
        var placement = Placement.Start(new PlacementStart
        {
            ChildId = PersonId.New(),
            Where = new PlacementWhere { PlacementType = "U6", Provider = "PR1", Urn = "SC123456", Postcode = "YO1 7HH", SettingName = "The Carters" },
            StartedOn = Today.AddDays(-daysAgo),
            FamilyInformed = FamilyInformed.InPerson,
        }, new DateOnly(2012, 5, 1), false, [], false, Sam, Now).Value!;
        placement.ScheduleDuties(Calendar);
        return placement;
    }

    [Fact]
    public void The_visit_timescales_are_T12_T13_and_T14_and_the_placement_plan_is_T16()
    {
        Assert.Equal(("1", "week"), StatutoryTimescalesTests.Published["T12"]);
        Assert.Equal(("6", "weeks"), StatutoryTimescalesTests.Published["T13"]);
        Assert.Equal(("3 / 6", "months / weeks"), StatutoryTimescalesTests.Published["T14"]);
        Assert.Equal((7, 6, 3), (VisitTimescales.FirstVisitDays, VisitTimescales.FirstYearWeeks, VisitTimescales.LongTermMonths));
        Assert.Equal((PlanTimescales.PlacementPlanWorkingDays.ToString(), "working days"), StatutoryTimescalesTests.Published["T16"]);
    }

    [Theory]
    [InlineData(false, null, "2026-01-08")] // T12: the first visit within a week of the start
    [InlineData(false, "2026-01-05", "2026-02-16")] // T13: six-weekly in the first year
    [InlineData(true, "2026-11-30", "2027-01-11")] // T13: still six-weekly for a visit in the first year, long term or not
    [InlineData(true, "2027-01-10", "2027-04-10")] // T14: three-monthly after the first year when it is meant to last until 18
    [InlineData(false, "2027-01-10", "2027-02-21")] // T14: otherwise six-weekly
    public void The_next_visit_is_due_from_the_start_or_the_last_visit(bool longTerm, string? last, string due)
    {
        var started = new DateOnly(2026, 1, 1);

        Assert.Equal(DateOnly.Parse(due), VisitTimescales.NextDue(started, longTerm, last is null ? null : DateOnly.Parse(last)));
    }

    [Fact]
    public void A_new_placement_has_its_first_visit_due_in_a_week_and_its_plan_in_five_working_days()
    {
        var placement = Placed();

        Assert.Equal(Today.AddDays(7), placement.NextVisitDueOn);
        Assert.Equal(Calendar.AddWorkingDays(Today, 5), placement.PlacementPlanDueOn);
        Assert.Equal(Calendar.CloseOf(Today.AddDays(7)), placement.NextEscalationAt);
        Assert.False(placement.VisitLateOn(Today.AddDays(7)));
        Assert.True(placement.VisitLateOn(Today.AddDays(8)));
        Assert.True(placement.PlanLateOn(Today.AddDays(8)));
    }

    public static TheoryData<string, int?, bool, string?, string?, string> Refused => new()
    {
        { "no date", null, true, null, "Said she likes her room.", "VisitedOn" },
        { "before the placement", -20, true, null, "Said she likes her room.", "VisitedOn" },
        { "in the future", 1, true, null, "Said she likes her room.", "VisitedOn" },
        { "no views", 0, true, null, "  ", "ChildsViews" },
        { "not seen alone without a reason", 0, false, null, "Said she likes her room.", "NotSeenAloneReason" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_visit_without_a_plausible_date_the_childs_views_or_why_they_were_not_seen_alone_is_refused(string @case, int? days,
        bool seenAlone, string? notAloneReason, string? views, string field)
    {
        var placement = Placed(daysAgo: 10);

        var outcome = StatutoryVisit.Record(placement, days is { } d ? Today.AddDays(d) : null, seenAlone, notAloneReason, views, Sam, Now);

        Assert.True(outcome.Refusal is not null, @case);
        Assert.Equal(field, Assert.Single(outcome.Refusal!.Errors).Field);
    }

    [Fact]
    public void A_late_visit_climbs_one_rung_per_sweep_and_a_visit_stops_it_and_sets_the_next_due_date()
    {
        var placement = Placed(daysAgo: 10);
        var due = Calendar.CloseOf(placement.NextVisitDueOn!.Value);

        Assert.Null(placement.SweepVisits(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        var first = placement.SweepVisits(due.AddMinutes(1), EscalationLadder.Default, Calendar);
        Assert.Null(placement.SweepVisits(due.AddMinutes(2), EscalationLadder.Default, Calendar));
        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager), (first!.Level, first.Audience));
        Assert.True(placement.VisitOverdue);

        var visit = StatutoryVisit.Record(placement, Today, true, null, "Said she wants to stay.", Sam, Now).Value!;
        Assert.Null(placement.RecordVisit(visit, placement.Version, Calendar));

        Assert.Equal(Today.AddDays(42), placement.NextVisitDueOn);
        Assert.False(placement.VisitOverdue);
        Assert.Equal(0, placement.EscalationLevel);
        Assert.Equal(Calendar.CloseOf(Today.AddDays(42)), placement.NextEscalationAt);
        Assert.True(placement.RecordVisit(visit, placement.Version - 1, Calendar)!.IsConflict);
    }

    [Fact]
    public void An_ended_placement_has_no_visit_due_and_is_never_swept()
    {
        var placement = Placed(daysAgo: 20);
        Assert.Null(placement.End(Today, "CARPL", Sam, placement.Version, Now));

        Assert.Null(placement.NextVisitDueOn);
        Assert.Null(placement.SweepVisits(Now.AddDays(60), EscalationLadder.Default, Calendar));
        Assert.False(placement.VisitLateOn(Today.AddDays(60)));
    }

    [Fact]
    public void The_placement_plan_is_recorded_once_agreed_and_a_long_term_placement_is_visited_three_monthly_after_its_first_year()
    {
        var placement = Placed(daysAgo: 3);

        Assert.NotNull(placement.AgreePlacementPlan(Today.AddDays(1), placement.Version, Now));
        Assert.Null(placement.AgreePlacementPlan(Today, placement.Version, Now));
        Assert.Null(placement.SetLongTerm(true, placement.Version, Calendar));

        Assert.Equal(Today, placement.PlacementPlanAgreedOn);
        Assert.False(placement.PlanLateOn(Today.AddDays(30)));
        Assert.True(placement.LongTerm);
    }

    [Fact]
    public void A_late_placement_plan_climbs_its_own_ladder_one_rung_per_sweep_until_it_is_agreed()
    {
        var placement = Placed(daysAgo: 10);
        var due = Calendar.CloseOf(placement.PlacementPlanDueOn!.Value);

        Assert.Equal(due, placement.PlanNextEscalationAt);
        Assert.Null(placement.SweepPlan(due.AddMinutes(-1), EscalationLadder.Default, Calendar));
        var first = placement.SweepPlan(due.AddMinutes(1), EscalationLadder.Default, Calendar);
        Assert.Null(placement.SweepPlan(due.AddMinutes(2), EscalationLadder.Default, Calendar));
        Assert.Equal((1, EscalationAudience.SenderAndRecipientManager), (first!.Level, first.Audience));
        Assert.Equal((1, 0), (placement.PlanEscalationLevel, placement.EscalationLevel)); // the visit clock is its own

        Assert.Null(placement.AgreePlacementPlan(Today, placement.Version, Now));

        Assert.Null(placement.PlanNextEscalationAt);
        Assert.Null(placement.SweepPlan(Now.AddDays(60), EscalationLadder.Default, Calendar));
        Assert.Equal(1, placement.PlanEscalationLevel);
    }

    [Fact]
    public void An_ended_placement_never_escalates_its_plan()
    {
        var placement = Placed(daysAgo: 20);
        Assert.Null(placement.End(Today, "CARPL", Sam, placement.Version, Now));

        Assert.Null(placement.PlanNextEscalationAt);
        Assert.Null(placement.SweepPlan(Now.AddDays(60), EscalationLadder.Default, Calendar));
    }
}
