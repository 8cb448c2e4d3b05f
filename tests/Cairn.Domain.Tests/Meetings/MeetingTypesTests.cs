using Cairn.Domain.Meetings;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>The meeting types as data (L21): each kind's statutory definition, and which timescales are national.</summary>
public sealed class MeetingTypesTests
{
    [Fact]
    public void Every_kind_has_exactly_one_definition_and_Of_finds_it()
    {
        Assert.Equal(Enum.GetValues<MeetingKind>().Order(), MeetingTypes.All.Select(t => t.Kind).Order());
        Assert.All(Enum.GetValues<MeetingKind>(), kind => Assert.Equal(kind, MeetingTypes.Of(kind).Kind));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingTypes.Of((MeetingKind)999));
    }

    [Fact]
    public void Every_definition_has_a_name_purpose_trigger_agenda_and_minutes_timescale()
    {
        Assert.All(MeetingTypes.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Name));
            Assert.False(string.IsNullOrWhiteSpace(t.Purpose));
            Assert.False(string.IsNullOrWhiteSpace(t.TriggerText));
            Assert.NotEmpty(t.Agenda);
            Assert.True(t.MinutesWithin.Amount > 0);
            Assert.NotEqual(MinutesRecipients.None, t.MinutesTo);
        });
        Assert.Equal(MeetingTypes.All.Count, MeetingTypes.All.Select(t => t.Name).Distinct().Count());
    }

    public static TheoryData<MeetingKind, int, TimescaleUnit, string> National => new()
    {
        { MeetingKind.InitialChildProtectionConference, 15, TimescaleUnit.WorkingDays, "T05" },
        { MeetingKind.CoreGroup, 10, TimescaleUnit.WorkingDays, "T06" },
        { MeetingKind.ReviewChildProtectionConference, 3, TimescaleUnit.Months, "T07" },
        { MeetingKind.LookedAfterReview, 20, TimescaleUnit.WorkingDays, "T09" },
    };

    [Theory]
    [MemberData(nameof(National))]
    public void The_statutory_meetings_are_first_due_by_their_national_timescale(MeetingKind kind, int amount, TimescaleUnit unit, string source)
    {
        var type = MeetingTypes.Of(kind);

        Assert.True(type.Statutory);
        Assert.Equal(new MeetingTimescale(amount, unit, true, source), type.FirstDue);
    }

    [Fact]
    public void Reviews_repeat_nationally_a_looked_after_childs_second_at_3_months_then_every_6_T08_T10_T11()
    {
        var review = MeetingTypes.Of(MeetingKind.ReviewChildProtectionConference);
        Assert.Equal(new MeetingTimescale(6, TimescaleUnit.Months, true, "T08"), review.ThenEvery);
        var lookedAfter = MeetingTypes.Of(MeetingKind.LookedAfterReview);
        Assert.Equal(new MeetingTimescale(3, TimescaleUnit.Months, true, "T10"), lookedAfter.SecondDue);
        Assert.Equal(new MeetingTimescale(6, TimescaleUnit.Months, true, "T11"), lookedAfter.ThenEvery);
    }

    [Fact]
    public void A_placement_planning_meeting_is_due_within_72_hours_a_local_timescale_T17()
    {
        var type = MeetingTypes.Of(MeetingKind.PlacementPlanningMeeting);

        Assert.Equal((72, TimescaleUnit.Hours, false), (type.FirstDue!.Amount, type.FirstDue.Unit, type.FirstDue.National));
        Assert.Equal(MeetingTrigger.PlacementStarted, type.Trigger);
        Assert.True(type.HasLocalTimescale);
    }

    [Fact]
    public void Only_conferences_decide_a_child_protection_plan_and_need_a_quorum_of_three_agencies()
    {
        Assert.Equal([MeetingKind.InitialChildProtectionConference, MeetingKind.ReviewChildProtectionConference],
            MeetingTypes.All.Where(t => t.DecidesChildProtectionPlan).Select(t => t.Kind));
        Assert.All(MeetingTypes.All, t => Assert.Equal(t.DecidesChildProtectionPlan ? 3 : 0, t.QuorumAgencies));
        Assert.All(Enum.GetValues<MeetingKind>(), k => Assert.Equal(MeetingTypes.Of(k).DecidesChildProtectionPlan, MeetingTypes.IsConference(k)));
    }

    [Fact]
    public void A_professionals_meeting_is_not_statutory_has_no_timescale_and_decides_nothing_about_a_plan()
    {
        var type = MeetingTypes.Of(MeetingKind.ProfessionalsMeeting);

        Assert.False(type.Statutory);
        Assert.False(type.DecidesChildProtectionPlan);
        Assert.Null(type.FirstDue);
        Assert.Null(type.ThenEvery);
        Assert.Equal(MeetingTrigger.Arranged, type.Trigger);
        Assert.Contains("not statutory", type.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public void Conferences_need_every_agency_the_GP_and_a_parent_an_independent_chair_and_send_minutes_to_the_GP_and_parents_workers()
    {
        foreach (var kind in new[] { MeetingKind.InitialChildProtectionConference, MeetingKind.ReviewChildProtectionConference })
        {
            var type = MeetingTypes.Of(kind);
            MeetingRole[] everyone =
                [MeetingRole.SocialWorker, MeetingRole.Police, MeetingRole.Health, MeetingRole.Gp, MeetingRole.Education, MeetingRole.Parent];
            Assert.Equal(everyone, type.RequiredRoles);
            Assert.Equal(ChairRule.IndependentOfCase, type.Chair);
            Assert.True(type.MinutesTo.HasFlag(MinutesRecipients.Gp));
            Assert.True(type.MinutesTo.HasFlag(MinutesRecipients.ParentsOwnWorkers));
        }

        var lookedAfter = MeetingTypes.Of(MeetingKind.LookedAfterReview);
        Assert.Equal(ChairRule.IndependentReviewingOfficer, lookedAfter.Chair);
        Assert.Contains(MeetingRole.IndependentReviewingOfficer, lookedAfter.RequiredRoles);
        Assert.True(MeetingTypes.Of(MeetingKind.FamilyGroupDecisionMaking).OfferedToFamily);
    }

    [Fact]
    public void Only_the_looked_after_review_has_a_second_due_different_from_its_repeats()
    {
        Assert.Equal([MeetingKind.LookedAfterReview], MeetingTypes.All.Where(t => t.SecondDue is not null).Select(t => t.Kind));
    }

    [Fact]
    public void A_type_with_only_national_timescales_still_has_local_minutes()
    {
        // Every type's minutes timescale is local, so every type has something an area may tune.
        Assert.All(MeetingTypes.All, t => Assert.False(t.MinutesWithin.National));
        Assert.All(MeetingTypes.All, t => Assert.True(t.HasLocalTimescale));
    }

    [Theory]
    [InlineData(1, TimescaleUnit.WorkingDays, "1 working day")]
    [InlineData(15, TimescaleUnit.WorkingDays, "15 working days")]
    [InlineData(42, TimescaleUnit.Days, "42 days")]
    [InlineData(1, TimescaleUnit.Months, "1 month")]
    [InlineData(6, TimescaleUnit.Months, "6 months")]
    [InlineData(72, TimescaleUnit.Hours, "72 hours")]
    [InlineData(1, TimescaleUnit.Hours, "1 hour")]
    public void A_timescale_describes_itself(int amount, TimescaleUnit unit, string expected) =>
        Assert.Equal(expected, new MeetingTimescale(amount, unit, false, "local").Describe());

    [Fact]
    public void Every_role_and_decision_has_words()
    {
        Assert.Equal(Enum.GetValues<MeetingRole>().Length, Enum.GetValues<MeetingRole>().Select(MeetingWords.Role).Distinct().Count());
        Assert.Equal(Enum.GetValues<PlanDecision>().Length, Enum.GetValues<PlanDecision>().Select(MeetingWords.Decision).Distinct().Count());
    }
}
