using Cairn.Domain.Meetings;
using static Cairn.Domain.Tests.FrontDoor.FrontDoorClock;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>An area's own local timescales (T17 and the rest): tunable within bounds; national ones (T05–T11) refused, never ignored.</summary>
public sealed class MeetingRulesTests
{
    private static Outcome<MeetingRules> Create(MeetingKind kind, LocalTimescaleKind which, int? amount) =>
        MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?> { [(kind, which)] = amount });

    [Fact]
    public void The_placement_planning_meetings_72_hours_can_be_changed_to_48()
    {
        var outcome = Create(MeetingKind.PlacementPlanningMeeting, LocalTimescaleKind.FirstDue, 48);

        Assert.True(outcome.Succeeded);
        var rules = outcome.Value!;
        var type = rules.TypeOf(MeetingKind.PlacementPlanningMeeting);
        Assert.Equal(new MeetingTimescale(48, TimescaleUnit.Hours, false, "T17 (local)"), type.FirstDue);
        Assert.Equal(48, rules.AmountFor(MeetingKind.PlacementPlanningMeeting, LocalTimescaleKind.FirstDue));
        Assert.Equal(new Dictionary<string, int> { ["PlacementPlanningMeeting:FirstDue"] = 48 }, rules.Stored);

        // Placed at 22:30 on Friday 27 November 2026: due 48 hours later, on Sunday at 22:30, not 72.
        var placed = At(2026, 11, 27, 22, 30);
        var due = MeetingSchedule.DueAfter(type.FirstDue!, new DateOnly(2026, 11, 27), placed, Calendar);
        Assert.Equal((new DateOnly(2026, 11, 29), placed.AddHours(48)), (due.DueOn, due.DueAt));
        // The defaults are untouched.
        Assert.Equal(72, MeetingRules.Default.TypeOf(MeetingKind.PlacementPlanningMeeting).FirstDue!.Amount);
        Assert.Equal(72, MeetingTypes.Of(MeetingKind.PlacementPlanningMeeting).FirstDue!.Amount);
    }

    public static TheoryData<MeetingKind, LocalTimescaleKind, string> NationalTimescales => new()
    {
        { MeetingKind.LookedAfterReview, LocalTimescaleKind.FirstDue, "T09" },
        { MeetingKind.LookedAfterReview, LocalTimescaleKind.ThenEvery, "T11" },
        { MeetingKind.InitialChildProtectionConference, LocalTimescaleKind.FirstDue, "T05" },
        { MeetingKind.CoreGroup, LocalTimescaleKind.FirstDue, "T06" },
        { MeetingKind.ReviewChildProtectionConference, LocalTimescaleKind.FirstDue, "T07" },
        { MeetingKind.ReviewChildProtectionConference, LocalTimescaleKind.ThenEvery, "T08" },
    };

    [Theory]
    [MemberData(nameof(NationalTimescales))]
    public void A_change_to_a_national_timescale_is_refused(MeetingKind kind, LocalTimescaleKind which, string source)
    {
        var outcome = Create(kind, which, 30);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Refusal!.Errors);
        Assert.Equal(MeetingRules.Key(kind, which), error.Field);
        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_national_timescale_is_refused_even_when_left_blank_and_alongside_a_valid_change()
    {
        var outcome = MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?>
        {
            [(MeetingKind.PlacementPlanningMeeting, LocalTimescaleKind.FirstDue)] = 48,
            [(MeetingKind.LookedAfterReview, LocalTimescaleKind.FirstDue)] = null,
        });

        Assert.Equal(["LookedAfterReview:FirstDue"], Fields(outcome.Refusal));
    }

    [Theory]
    [InlineData(MeetingKind.InitialChildProtectionConference, LocalTimescaleKind.ThenEvery)]
    [InlineData(MeetingKind.ProfessionalsMeeting, LocalTimescaleKind.FirstDue)]
    [InlineData((MeetingKind)999, LocalTimescaleKind.FirstDue)]
    [InlineData(MeetingKind.CoreGroup, (LocalTimescaleKind)9)]
    public void A_timescale_the_type_does_not_have_is_refused(MeetingKind kind, LocalTimescaleKind which)
    {
        var outcome = Create(kind, which, 10);

        Assert.Equal([MeetingRules.Key(kind, which)], Fields(outcome.Refusal));
        Assert.Equal("This meeting type has no such timescale", outcome.Refusal!.Errors[0].Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(MeetingRules.MaxAmount + 1)]
    public void An_amount_out_of_bounds_is_refused(int amount) =>
        Assert.Equal(["CoreGroup:ThenEvery"], Fields(Create(MeetingKind.CoreGroup, LocalTimescaleKind.ThenEvery, amount).Refusal));

    [Theory]
    [InlineData(1)]
    [InlineData(MeetingRules.MaxAmount)]
    public void The_bounds_themselves_are_accepted(int amount)
    {
        var rules = Create(MeetingKind.CoreGroup, LocalTimescaleKind.ThenEvery, amount).Value!;

        Assert.Equal(amount, rules.TypeOf(MeetingKind.CoreGroup).ThenEvery!.Amount);
    }

    [Fact]
    public void A_blank_or_the_default_amount_keeps_the_default_and_stores_nothing()
    {
        var rules = MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?>
        {
            [(MeetingKind.CoreGroup, LocalTimescaleKind.ThenEvery)] = null,
            [(MeetingKind.PlacementPlanningMeeting, LocalTimescaleKind.FirstDue)] = 72,
        }).Value!;

        Assert.Empty(rules.Stored);
        Assert.Equal(MeetingTypes.Of(MeetingKind.CoreGroup), rules.TypeOf(MeetingKind.CoreGroup));
    }

    [Fact]
    public void Local_minutes_timescales_change_while_the_national_ones_of_the_same_type_stay()
    {
        var rules = MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?>
        {
            [(MeetingKind.LookedAfterReview, LocalTimescaleKind.MinutesWithin)] = 15,
        }).Value!;

        var type = rules.TypeOf(MeetingKind.LookedAfterReview);
        Assert.Equal(new MeetingTimescale(15, TimescaleUnit.WorkingDays, false, "local"), type.MinutesWithin);
        Assert.Equal(MeetingTypes.Of(MeetingKind.LookedAfterReview).FirstDue, type.FirstDue);
        Assert.Equal(MeetingTypes.Of(MeetingKind.LookedAfterReview).ThenEvery, type.ThenEvery);
        Assert.Equal(MeetingTypes.Of(MeetingKind.LookedAfterReview).SecondDue, type.SecondDue);
    }

    [Fact]
    public void Stored_rules_round_trip_and_invalid_stored_values_are_left_out()
    {
        var stored = new Dictionary<string, int>
        {
            ["PlacementPlanningMeeting:FirstDue"] = 48,
            ["CoreGroup:ThenEvery"] = 28,
            // A national timescale, an unknown kind or part, a malformed key and out-of-range amounts: each ignored.
            ["LookedAfterReview:FirstDue"] = 10,
            ["NoSuchMeeting:FirstDue"] = 10,
            ["CoreGroup:Sometime"] = 10,
            ["999:FirstDue"] = 10,
            ["CoreGroup"] = 10,
            ["CoreGroup:MinutesWithin:Extra"] = 10,
            ["ChildInNeedReview:ThenEvery"] = 0,
            ["ChildInNeedReview:FirstDue"] = MeetingRules.MaxAmount + 1,
            ["ProfessionalsMeeting:FirstDue"] = 5,
        };

        var rules = MeetingRules.FromStored(stored);

        Assert.Equal(new Dictionary<string, int> { ["PlacementPlanningMeeting:FirstDue"] = 48, ["CoreGroup:ThenEvery"] = 28 }, rules.Stored);
        Assert.Equal(20, rules.TypeOf(MeetingKind.LookedAfterReview).FirstDue!.Amount);
        Assert.Equal(rules.Stored, MeetingRules.FromStored(rules.Stored).Stored);
        Assert.Empty(MeetingRules.FromStored(null).Stored);
    }
}
