using Cairn.Domain.Casework;
using Cairn.Domain.Placements;

namespace Cairn.Domain.Tests.Placements;

/// <summary>
/// A placement (L34, L35, L41, L42, L44): the return's codes fit together, the family's being told is recorded, a danger or conflict
/// the match showed needs a manager's reason, and an ended placement stays as history.
/// </summary>
public sealed class PlacementRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly Born = new(2012, 5, 1);
    private static readonly ProfessionalId Sam = ProfessionalId.New();

    private static PlacementStart Good => new()
    {
        ChildId = PersonId.New(),
        Where = new PlacementWhere { PlacementType = "K2", Provider = "PR4", Urn = "sc123456", Postcode = "yo1 7hh", SettingName = "Elm House" },
        StartedOn = Today,
        FamilyInformed = FamilyInformed.InPerson,
        FamilyConsulted = true,
    };

    private static Outcome<Placement> Start(PlacementStart start, IReadOnlyList<string>? warnings = null, bool byManager = false,
        bool alreadyPlaced = false) => Placement.Start(start, Born, alreadyPlaced, warnings ?? [], byManager, Sam, Now);

    [Fact]
    public void A_placement_keeps_its_codes_tidied_and_who_started_it()
    {
        var placement = Start(Good).Value!;

        Assert.Equal("SC123456", placement.Where.Urn);
        Assert.Equal("YO1 7HH", placement.Where.Postcode);
        Assert.Equal(Sam, placement.StartedBy);
        Assert.Null(placement.OverriddenBy);
        Assert.True(placement.IsCurrentOn(Today));
    }

    public static TheoryData<string, PlacementStart> Refused => new()
    {
        { "StartedOn", Good with { StartedOn = null } },
        { "StartedOn", Good with { StartedOn = Today.AddDays(31) } },
        { "StartedOn", Good with { StartedOn = Today.AddDays(-31) } },
        { "PlacementType", Good with { Where = Good.Where! with { PlacementType = "H5" } } }, // removed from the return in 2025/26
        { "Provider", Good with { Where = Good.Where! with { Provider = "PR9" } } },
        { "Provider", Good with { Where = Good.Where! with { Provider = null } } },
        { "Provider", Good with { Where = Good.Where! with { Provider = "PR0" } } },
        { "Provider", Good with { Where = Good.Where! with { Provider = "PR3" } } },
        { "Urn", Good with { Where = Good.Where! with { Urn = null } } },
        { "Postcode", Good with { Where = Good.Where! with { Postcode = "nowhere" } } },
        { "FamilyInformed", Good with { FamilyInformed = null } },
        { "FamilyNote", Good with { FamilyInformed = FamilyInformed.NotInformed, FamilyNote = "no" } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_placement_the_return_would_reject_or_that_says_nothing_of_the_family_is_refused(string field, PlacementStart start)
    {
        var refusal = Start(start).Refusal;

        Assert.NotNull(refusal);
        Assert.Contains(refusal!.Errors, e => e.Field == field);
    }

    [Fact]
    public void A_child_with_a_current_placement_is_not_placed_again_and_not_before_birth()
    {
        Assert.Contains(Start(Good, alreadyPlaced: true).Refusal!.Errors, e => e.Field == "StartedOn");
        var baby = Placement.Start(Good, Today.AddDays(2), false, [], false, Sam, Now);
        Assert.Contains("before the child was born", baby.Refusal!.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P1", "PR0", null)]
    [InlineData("P1", "PR4", "has parents as its provider")]
    [InlineData("U6", "PR1", null)]
    [InlineData("U6", "PR3", "Other public provision")]
    [InlineData("R5", "PR1", "not a local authority's provision")]
    [InlineData("T1", null, null)]
    [InlineData("T1", "PR1", "no provider")]
    [InlineData("K2", null, "needs its provider")]
    public void Placement_type_and_provider_must_agree_as_the_return_requires(string type, string? provider, string? problem)
    {
        var inconsistency = PlacementCodes.Inconsistency(type, provider);

        if (problem is null)
        {
            Assert.Null(inconsistency);
        }
        else
        {
            Assert.Contains(problem, inconsistency, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("K2", true)]
    [InlineData("U6", true)]
    [InlineData("P1", false)]
    [InlineData("T4", false)]
    [InlineData("Z12", false)]
    public void Only_registered_placement_types_need_a_urn(string type, bool needs) => Assert.Equal(needs, PlacementCodes.NeedsUrn(type));

    [Fact]
    public void Every_setting_type_maps_to_a_placement_type_on_the_return() =>
        Assert.All(Enum.GetValues<SettingType>(), t => Assert.True(PlacementCodes.IsPlacementType(PlacementCodes.DefaultFor(t))));

    [Fact]
    public void A_danger_or_conflict_from_the_match_needs_a_manager_and_a_reason()
    {
        string[] warnings = ["Within 2.1 km (1.3 miles) of a person posing a risk."];

        Assert.Equal(RefusalKind.NotAllowed, Start(Good, warnings).Refusal!.Kind);
        Assert.Contains(Start(Good, warnings, byManager: true).Refusal!.Errors, e => e.Field == "OverrideReason");
        var placed = Start(Good with { OverrideReason = "No other setting can deliver 2:1 staffing tonight; reviewed tomorrow." }, warnings, true);

        Assert.Null(placed.Refusal);
        Assert.Equal(Sam, placed.Value!.OverriddenBy);
        Assert.StartsWith("No other setting", placed.Value.OverrideReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ended_placement_keeps_its_reason_and_ends_only_once()
    {
        var placement = Start(Good).Value!;

        Assert.True(placement.End(Today, "CARPL", Sam, placement.Version + 1, Now)!.IsConflict);
        Assert.Contains(placement.End(Today, "NOPE", Sam, placement.Version, Now)!.Errors, e => e.Field == "ReasonForChange");
        Assert.Contains(placement.End(Today.AddDays(-1), "CARPL", Sam, placement.Version, Now)!.Errors, e => e.Field == "EndedOn");
        Assert.Null(placement.End(Today, "CHILD", Sam, placement.Version, Now));

        Assert.Equal("CHILD", placement.ReasonForChange);
        Assert.False(placement.IsCurrentOn(Today.AddDays(1)));
        Assert.True(placement.End(Today, "CARPL", Sam, placement.Version, Now)!.IsConflict);
    }
}

/// <summary>The placement planning meeting brings the risk and matching assessments up to date (L36).</summary>
public sealed class PlacementPlanningTests
{
    private static readonly DateOnly Placed = new(2026, 12, 1);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(-1, 0, "risk assessment")]
    [InlineData(0, -1, "matching assessment")]
    [InlineData(-30, -30, "risk assessment and matching assessment")]
    public void The_meeting_is_held_only_once_both_assessments_are_authorised_since_the_placement(int riskDays, int matchingDays, string? missing)
    {
        var assessments = new (AssessmentType, DateOnly?)[]
        {
            (AssessmentType.Risk, Placed.AddDays(riskDays)),
            (AssessmentType.Matching, Placed.AddDays(matchingDays)),
            (AssessmentType.ChildAndFamily, Placed.AddDays(3)),
        };

        var refusal = PlacementPlanning.CheckHeld(Placed, assessments);

        if (missing is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains($"updates the {missing}:", refusal!.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_assessment_still_in_progress_does_not_count() =>
        Assert.Equal([AssessmentType.Risk], PlacementPlanning.Missing(Placed,
            [(AssessmentType.Risk, null), (AssessmentType.Matching, Placed)]));
}
