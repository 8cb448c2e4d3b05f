using Cairn.Domain.Casework;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Referrals;

namespace Cairn.Domain.Tests.Placements.Referrals;

/// <summary>The rules of a placement referral (L25, L34, L40): what it must say, what it may rest on, and how its quality is scored.</summary>
public sealed class PlacementReferralRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly ProfessionalId Sam = ProfessionalId.New();
    private static readonly ProfessionalId Priya = ProfessionalId.New();
    private static readonly string Long = new('x', ReferralQuality.DescribedLength);

    private static ReferralDetails Full => new()
    {
        NeededBy = Today.AddDays(10),
        Needs = [PlacementNeed.Exploitation],
        NeedsSummary = Long,
        Staffing = StaffingRatio.TwoToOne,
        RisksAnswered = true,
        Vulnerabilities = [Vulnerability.SexualExploitation],
        RiskSummary = Long,
        HomePostcode = "yo17hh",
        ChildsViews = "Wants to stay near her sister.",
        FamilysViews = "Mother consulted in person.",
    };

    private static CitedAssessment Cited(AssessmentType type, AssessmentCurrencyState state) =>
        new(AssessmentId.New(), type, AssessmentTypes.Of(type).Name, Today.AddMonths(-2), state);

    private static readonly CitedAssessment[] CurrentPair =
        [Cited(AssessmentType.ChildAndFamily, AssessmentCurrencyState.Current), Cited(AssessmentType.Risk, AssessmentCurrencyState.Current)];

    private static PlacementReferral Draft(ReferralDetails? details = null) =>
        PlacementReferral.Start(PersonId.New(), details ?? Full, false, Sam, Now).Value!;

    [Fact]
    public void A_draft_tidies_what_it_is_given()
    {
        var referral = Draft(Full with { Needs = [PlacementNeed.Autism, PlacementNeed.Autism], ChildsViews = "   " });

        Assert.Equal([PlacementNeed.Autism], referral.Details.Needs);
        Assert.Null(referral.Details.ChildsViews);
        Assert.Equal("YO1 7HH", referral.Details.HomePostcode);
        Assert.Equal(ReferralStatus.Draft, referral.Status);
    }

    public static TheoryData<string, ReferralDetails> Refused => new()
    {
        { "NeededBy", Full with { NeededBy = Today.AddYears(1).AddDays(1) } },
        { "NeededBy", Full with { NeededBy = Today.AddDays(-8) } },
        { "HomePostcode", Full with { HomePostcode = "NOT A POSTCODE" } },
        { "SchoolPostcode", Full with { SchoolPostcode = "12345" } },
        { "Needs", Full with { Needs = [(PlacementNeed)999] } },
        { "Staffing", Full with { Staffing = (StaffingRatio)9 } },
        { "RisksAnswered", Full with { RisksAnswered = false } },
        { "AcceptableTypes", Full with { Restrictions = [Restriction.SecureAccommodation], AcceptableTypes = [SettingType.ChildrensHome] } },
        { "RiskSummary", Full with { RiskSummary = new string('x', ReferralDetails.MaxTextLength + 1) } },
        { "AreasToAvoid", Full with { AreasToAvoid = new string('x', ReferralDetails.MaxAvoidLength + 1) } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Implausible_or_contradictory_details_are_refused_on_their_field(string field, ReferralDetails details)
    {
        var outcome = PlacementReferral.Start(PersonId.New(), details, false, Sam, Now);

        Assert.NotNull(outcome.Refusal);
        Assert.Contains(outcome.Refusal!.Errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(-7, true)]
    [InlineData(0, true)]
    [InlineData(365, true)]
    [InlineData(-8, false)]
    public void The_date_needed_may_be_up_to_a_week_past_and_a_year_ahead(int days, bool allowed) =>
        Assert.Equal(allowed, PlacementReferral.Start(PersonId.New(), Full with { NeededBy = Today.AddDays(days) }, false, Sam, Now).Refusal is null);

    [Fact]
    public void A_second_open_referral_for_the_child_is_refused() =>
        Assert.NotNull(PlacementReferral.Start(PersonId.New(), Full, true, Sam, Now).Refusal);

    [Fact]
    public void A_referral_on_current_assessments_is_submitted_and_its_score_kept()
    {
        var referral = Draft();

        Assert.Null(referral.Submit(CurrentPair, Sam, referral.Version, Now));

        Assert.Equal(ReferralStatus.Submitted, referral.Status);
        Assert.Equal(100, referral.QualityAtSubmission);
        Assert.Equal(Sam, referral.SubmittedBy);
    }

    [Theory]
    [InlineData(AssessmentCurrencyState.OutOfDate, "is out of date")]
    [InlineData(AssessmentCurrencyState.InProgress, "is not authorised yet")]
    public void An_assessment_that_is_not_current_blocks_submission_until_a_manager_overrides(AssessmentCurrencyState state, string message)
    {
        var referral = Draft();
        var cited = new[] { Cited(AssessmentType.Risk, state) };

        var refused = referral.Submit(cited, Sam, referral.Version, Now);
        Assert.Contains(message, Assert.Single(refused!.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Draft, referral.Status);

        var bySocialWorker = referral.OverrideCurrency("The child cannot wait for a new one.", false, Sam, referral.Version, Now);
        Assert.Equal(RefusalKind.NotAllowed, bySocialWorker!.Kind);
        Assert.NotNull(referral.OverrideCurrency("too short", true, Priya, referral.Version, Now));
        Assert.Null(referral.OverrideCurrency("The child cannot wait; it is being updated this week.", true, Priya, referral.Version, Now));
        Assert.Null(referral.Submit(cited, Sam, referral.Version, Now));
        Assert.Equal(Priya, referral.OverriddenBy);
    }

    [Fact]
    public void Without_a_date_or_an_answered_risk_section_a_referral_cannot_be_submitted()
    {
        var referral = Draft(new ReferralDetails());

        var refused = referral.Submit(CurrentPair, Sam, referral.Version, Now)!;

        Assert.Equal(["NeededBy", "RisksAnswered"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_change_needs_the_version_read_and_a_closed_referral_changes_no_more()
    {
        var referral = Draft();
        Assert.True(referral.Change(Full, referral.Version + 1, Now)!.IsConflict);
        Assert.Null(referral.Withdraw("Family found a kinship carer.", referral.Version, Now));

        Assert.True(referral.Change(Full, referral.Version, Now)!.IsConflict);
        Assert.True(referral.Submit(CurrentPair, Sam, referral.Version, Now)!.IsConflict);
        Assert.True(referral.OverrideCurrency("A reason long enough to count.", true, Priya, referral.Version, Now)!.IsConflict);
        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
    }

    [Fact]
    public void Only_a_submitted_referral_leads_to_a_placement()
    {
        var referral = Draft();
        Assert.NotNull(referral.Place(PlacementId.New(), Now));
        Assert.Null(referral.Submit(CurrentPair, Sam, referral.Version, Now));

        Assert.Null(referral.Place(PlacementId.New(), Now));

        Assert.Equal(ReferralStatus.Placed, referral.Status);
        Assert.False(referral.IsOpen);
    }

    public static TheoryData<string, ReferralDetails, int> QualityLosses => new()
    {
        { "needs described", Full with { NeedsSummary = "short" }, 10 },
        { "needs listed", Full with { Needs = [] }, 10 },
        { "date", Full with { NeededBy = null }, 5 },
        { "where", Full with { HomePostcode = null }, 5 },
        { "child's views", Full with { ChildsViews = null }, 5 },
        { "family's views", Full with { FamilysViews = null }, 5 },
        { "risk answered", Full with { RisksAnswered = false }, 10 },
        { "risk described", Full with { RiskSummary = null }, 10 },
    };

    [Theory]
    [MemberData(nameof(QualityLosses))]
    public void Each_missing_part_costs_its_points(string what, ReferralDetails details, int points) =>
        Assert.True(100 - points == ReferralQuality.Of(details, CurrentPair, false).Score, what);

    [Fact]
    public void Assessment_currency_is_thirty_points_and_risk_thirty()
    {
        var none = ReferralQuality.Of(Full, [], false);
        Assert.Equal(0, none.PartScore(QualityPart.AssessmentCurrency));
        Assert.Equal(20, none.PartScore(QualityPart.Risk)); // answered and described, but no current risk assessment
        Assert.Equal(30, none.PartOutOf(QualityPart.AssessmentCurrency));
        Assert.Equal(40, none.PartOutOf(QualityPart.Completeness));

        var outOfDate = ReferralQuality.Of(Full, [Cited(AssessmentType.ChildAndFamily, AssessmentCurrencyState.OutOfDate)], true);
        Assert.Equal(5, outOfDate.PartScore(QualityPart.AssessmentCurrency)); // cited, but not current: the override does not buy points
        Assert.Contains(outOfDate.Lines, l => l.Looked.Contains("manager let it go", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100, "Good")]
    [InlineData(80, "Good")]
    [InlineData(79, "Fair")]
    [InlineData(50, "Fair")]
    [InlineData(49, "Poor")]
    [InlineData(0, "Poor")]
    public void Scores_fall_in_bands(int score, string band) => Assert.Equal(band, ReferralQuality.BandOf(score));
}
