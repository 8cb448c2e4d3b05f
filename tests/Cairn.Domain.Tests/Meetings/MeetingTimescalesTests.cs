using Cairn.Domain.Meetings;
using Cairn.Domain.Tests.Casework;

namespace Cairn.Domain.Tests.Meetings;

/// <summary>
/// Each meeting type's timescales are the published ones copied into data/timescales/statutory-timescales.csv (T05–T11, T17):
/// the national ones marked national with their id, T17 the one local default with an id. A change to either side fails here.
/// </summary>
public sealed class MeetingTimescalesTests
{
    private static readonly Dictionary<string, (string Limit, string Unit)> Published = StatutoryTimescalesTests.Published;

    public static TheoryData<MeetingKind, LocalTimescaleKind, string> Sourced => new()
    {
        { MeetingKind.InitialChildProtectionConference, LocalTimescaleKind.FirstDue, "T05" },
        { MeetingKind.CoreGroup, LocalTimescaleKind.FirstDue, "T06" },
        { MeetingKind.ReviewChildProtectionConference, LocalTimescaleKind.FirstDue, "T07" },
        { MeetingKind.ReviewChildProtectionConference, LocalTimescaleKind.ThenEvery, "T08" },
        { MeetingKind.LookedAfterReview, LocalTimescaleKind.FirstDue, "T09" },
        { MeetingKind.LookedAfterReview, LocalTimescaleKind.ThenEvery, "T11" },
    };

    [Theory]
    [MemberData(nameof(Sourced))]
    public void A_national_meeting_timescale_is_the_published_one_and_cannot_be_changed_by_an_area(MeetingKind kind, LocalTimescaleKind which,
        string id)
    {
        var timescale = MeetingRules.Base(MeetingTypes.Of(kind), which)!;

        Assert.Equal((id, true), (timescale.Source, timescale.National));
        Assert.Equal(Published[id], (timescale.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitText(timescale.Unit)));
        Assert.NotNull(MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?> { [(kind, which)] = 1 }).Refusal);
    }

    [Fact]
    public void The_second_looked_after_review_is_T10()
    {
        var second = MeetingTypes.Of(MeetingKind.LookedAfterReview).SecondDue!;

        Assert.Equal(("T10", true), (second.Source, second.National));
        Assert.Equal(Published["T10"], (second.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), UnitText(second.Unit)));
    }

    [Fact]
    public void The_placement_planning_meeting_is_T17_local_practice_which_an_area_may_change()
    {
        var first = MeetingTypes.Of(MeetingKind.PlacementPlanningMeeting).FirstDue!;

        Assert.Equal(("72 (local)", "hours"), Published["T17"]);
        Assert.Equal((72, TimescaleUnit.Hours, false), (first.Amount, first.Unit, first.National));
        Assert.StartsWith("T17", first.Source, StringComparison.Ordinal);
        var rules = MeetingRules.Create(new Dictionary<(MeetingKind, LocalTimescaleKind), int?>
        {
            [(MeetingKind.PlacementPlanningMeeting, LocalTimescaleKind.FirstDue)] = 48,
        }).Value!;
        Assert.Equal(48, rules.TypeOf(MeetingKind.PlacementPlanningMeeting).FirstDue!.Amount);
    }

    private static string UnitText(TimescaleUnit unit) => unit switch
    {
        TimescaleUnit.WorkingDays => "working days",
        TimescaleUnit.Months => "months",
        TimescaleUnit.Hours => "hours",
        _ => "days",
    };
}
