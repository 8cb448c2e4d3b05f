using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>Each hard filter both ways: the failing setting is left out for exactly that reason, the passing one is an option.</summary>
public class HardFilterTests
{
    private sealed record FilterCase(MatchRequest Child, CandidateSetting Fails, CandidateSetting Passes, ExclusionReasons Reason,
        MatchRequest? PassingChild = null);

    private static readonly Dictionary<string, FilterCase> Cases = new()
    {
        ["no vacancy"] = new(AChild(), ASetting() with { Vacancies = 0 }, ASetting() with { Vacancies = 1 }, ExclusionReasons.NoVacancy),
        ["suspended"] = new(AChild(), ASetting() with { Suspended = true }, ASetting(), ExclusionReasons.Suspended),
        ["inadequate"] = new(AChild(), ASetting() with { Judgement = RegulatorJudgement.Inadequate },
            ASetting() with { Judgement = RegulatorJudgement.RequiresImprovement }, ExclusionReasons.JudgedInadequate),
        ["type not asked for"] = new(AChild() with { AcceptableTypes = [SettingType.FosterCarer] }, ASetting(),
            ASetting() with { Type = SettingType.FosterCarer }, ExclusionReasons.TypeNotAskedFor),
        ["supported accommodation at 15"] = new(AChild() with { AgeInYears = 15 },
            ASetting() with { Type = SettingType.SupportedAccommodation, MinimumAge = 15 },
            ASetting() with { Type = SettingType.SupportedAccommodation, MinimumAge = 15 }, ExclusionReasons.TypeNotSuitable,
            AChild() with { AgeInYears = 16 }),
        ["parent and child without a baby"] = new(AChild(), ASetting() with { Type = SettingType.ParentAndChild },
            ASetting() with { Type = SettingType.ParentAndChild }, ExclusionReasons.TypeNotSuitable,
            AChild() with { Needs = [PlacementNeed.ParentAndBaby] }),
        ["secure home when secure not needed"] = new(AChild(), ASecureHome(), ASecureHome(), ExclusionReasons.TypeNotSuitable,
            AChild() with { Restrictions = [Restriction.SecureAccommodation] }),
        ["open home when secure needed"] = new(AChild() with { Restrictions = [Restriction.SecureAccommodation] },
            ASetting() with { RestrictionsSupported = [Restriction.SecureAccommodation] }, ASecureHome(), ExclusionReasons.TypeNotSuitable),
        ["too young"] = new(AChild() with { AgeInYears = 12 }, ASetting() with { MinimumAge = 13 }, ASetting() with { MinimumAge = 12 },
            ExclusionReasons.AgeRange),
        ["too old"] = new(AChild() with { AgeInYears = 17 }, ASetting() with { MaximumAge = 16 }, ASetting() with { MaximumAge = 17 },
            ExclusionReasons.AgeRange),
        ["boys only for a girl"] = new(AChild(), ASetting() with { SexesAccepted = [Sex.Male] }, ASetting() with { SexesAccepted = [Sex.Female] },
            ExclusionReasons.SexNotAccepted),
        ["sex not recorded, one sex only"] = new(AChild() with { Sex = Sex.Unknown }, ASetting() with { SexesAccepted = [Sex.Female] },
            ASetting() with { SexesAccepted = [Sex.Female, Sex.Male] }, ExclusionReasons.SexNotAccepted),
        ["2:1 staffing"] = new(AChild() with { Staffing = StaffingRatio.TwoToOne }, ASetting() with { MaximumStaffing = StaffingRatio.OneToOne },
            ASetting() with { MaximumStaffing = StaffingRatio.ThreeToOne }, ExclusionReasons.Staffing),
        ["waking night staff"] = new(AChild() with { NeedsWakingNightStaff = true }, ASetting(), ASetting() with { WakingNightStaff = true },
            ExclusionReasons.WakingNightStaff),
        ["deprivation of liberty"] = new(AChild() with { Restrictions = [Restriction.DeprivationOfLiberty] }, ASetting(),
            ASetting() with { RestrictionsSupported = [Restriction.DeprivationOfLiberty] }, ExclusionReasons.Restrictions),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    private static CandidateSetting ASecureHome() => ASetting() with
    {
        Type = SettingType.SecureChildrensHome,
        RestrictionsSupported = [Restriction.SecureAccommodation, Restriction.DeprivationOfLiberty],
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_setting_failing_the_filter_is_excluded_for_that_reason_alone(string name)
    {
        var filter = Cases[name];

        var result = Rank(filter.Child, filter.Fails);

        Assert.Empty(result.Options);
        var excluded = Assert.Single(result.Exclusions.Settings);
        Assert.Equal(filter.Reason, excluded.Reasons);
        Assert.Equal(filter.Fails.Id, excluded.SettingId);
        Assert.Equal(1, Assert.Single(result.Exclusions.Counts).Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_setting_meeting_the_filter_is_an_option(string name)
    {
        var filter = Cases[name];

        var result = Rank(filter.PassingChild ?? filter.Child, filter.Passes);

        Assert.Equal(0, result.Exclusions.Total);
        Assert.Equal(filter.Passes.Id, Assert.Single(result.Options).SettingId);
    }

    [Fact]
    public void Eligible_names_exactly_the_settings_rank_makes_options_of_in_the_order_given()
    {
        var cases = Cases.Values.ToList();
        var settings = cases.SelectMany(c => new[] { c.Fails with { Id = SettingId.New() }, c.Passes with { Id = SettingId.New() } }).ToArray();
        foreach (var child in cases.Select(c => c.PassingChild ?? c.Child))
        {
            var eligible = PlacementMatcher.Eligible(child, settings);

            Assert.Equal(settings.Select(s => s.Id).Where(eligible.Contains), eligible);
            var options = PlacementMatcher.Rank(child, settings).Options.Select(o => o.SettingId.Value).Order();
            Assert.Equal(options, eligible.Select(e => e.Value).Order());
        }
    }

    [Fact]
    public void The_exclusions_are_counted_per_reason_in_words_for_this_child()
    {
        var child = AChild() with { Staffing = StaffingRatio.TwoToOne };
        var able = ASetting() with { MaximumStaffing = StaffingRatio.TwoToOne };
        CandidateSetting[] settings =
        [
            .. Enumerable.Range(0, 7).Select(i => able with { Id = SettingId.New(), Vacancies = 0 }),
            .. Enumerable.Range(0, 3).Select(i => able with { Id = SettingId.New(), MinimumAge = 15 }),
            .. Enumerable.Range(0, 2).Select(i => ASetting()),
            able,
        ];

        var result = PlacementMatcher.Rank(child, settings);

        Assert.Single(result.Options);
        Assert.Equal("12 settings excluded: no vacancy (7), age range (3), cannot deliver 2:1 staffing (2)", result.Exclusions.Summary);
    }

    [Fact]
    public void A_setting_failing_several_filters_is_counted_under_each_and_the_summary_says_so()
    {
        var result = Rank(AChild() with { NeedsWakingNightStaff = true }, ASetting() with { Vacancies = 0 }, ASetting() with { Vacancies = 0 });

        Assert.Equal(ExclusionReasons.NoVacancy | ExclusionReasons.WakingNightStaff, result.Exclusions.Settings[0].Reasons);
        Assert.Equal("2 settings excluded: no vacancy (2), no waking night staff (2); some for more than one reason", result.Exclusions.Summary);
        Assert.Equal(["no vacancy", "no waking night staff"], result.Exclusions.Describe(result.Exclusions.Settings[0].Reasons));
    }

    [Fact]
    public void With_no_types_asked_for_every_type_suitable_for_the_age_is_an_option()
    {
        SettingType[] suitable =
            [SettingType.FosterCarer, SettingType.ConnectedPersonCarer, SettingType.ChildrensHome, SettingType.ResidentialSpecialSchool];
        var settings = Enum.GetValues<SettingType>().Select(t => ASetting(t.ToString()) with { Type = t }).ToArray();

        var result = PlacementMatcher.Rank(AChild(), settings);

        Assert.Equal(suitable.Order(), result.Options.Select(o => o.Type).Order());
        Assert.Equal("3 settings excluded: type of setting not suitable for this child (3)", result.Exclusions.Summary);
    }
}
