using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;

namespace Cairn.Domain.Tests.Concerns;

public class ConcernRuleSettingsTests
{
    private static readonly ConcernRuleSettings D = ConcernRuleSettings.Default;

    [Fact]
    public void The_defaults_are_valid_and_every_rule_is_on()
    {
        Assert.Null(D.Validate());
        Assert.True(D.CumulativeConcern.Enabled && D.UnderTwoInRiskHousehold.Enabled && D.OffTheRadar.Enabled
            && D.RepeatedNoFurtherAction.Enabled && D.NoFaceToFaceHealthVisit.Enabled);
    }

    public static TheoryData<string, ConcernRuleSettings, string> Invalid => new()
    {
        { "negative window", D with { CumulativeConcern = D.CumulativeConcern with { WindowDays = -1 } }, "CumulativeConcern.WindowDays" },
        { "zero window", D with { CumulativeConcern = D.CumulativeConcern with { WindowDays = 0 } }, "CumulativeConcern.WindowDays" },
        { "window over ten years", D with { CumulativeConcern = D.CumulativeConcern with { WindowDays = 3651 } }, "CumulativeConcern.WindowDays" },
        { "zero threshold", D with { CumulativeConcern = D.CumulativeConcern with { Threshold = 0 } }, "CumulativeConcern.Threshold" },
        { "zero agencies", D with { CumulativeConcern = D.CumulativeConcern with { MinAgencies = 0 } }, "CumulativeConcern.MinAgencies" },
        { "negative was-not-brought weight", D with { CumulativeConcern = D.CumulativeConcern with { WasNotBroughtWeight = -1 } },
            "CumulativeConcern.WasNotBroughtWeight" },
        { "zero multiplier", D with { CumulativeConcern = D.CumulativeConcern with { RoutineMultiplier = 0 } }, "CumulativeConcern.RoutineMultiplier" },
        { "critical below significant", D with { CumulativeConcern = D.CumulativeConcern with { CriticalMultiplier = 1 } },
            "CumulativeConcern.CriticalMultiplier" },
        { "negative theme weight", D with
            {
                CumulativeConcern = D.CumulativeConcern with { ThemeWeights = new Dictionary<ConcernTheme, int> { [ConcernTheme.Neglect] = -3 } },
            }, "CumulativeConcern.ThemeWeights[Neglect]" },
        { "weight for two themes at once", D with
            {
                CumulativeConcern = D.CumulativeConcern with
                {
                    ThemeWeights = new Dictionary<ConcernTheme, int> { [ConcernTheme.Neglect | ConcernTheme.DomesticAbuse] = 3 },
                },
            }, "CumulativeConcern.ThemeWeights" },
        { "nothing weighs anything", D with
            {
                CumulativeConcern = D.CumulativeConcern with { ThemeWeights = new Dictionary<ConcernTheme, int>(), WasNotBroughtWeight = 0 },
            }, "CumulativeConcern.ThemeWeights" },
        { "under-two window zero", D with { UnderTwoInRiskHousehold = D.UnderTwoInRiskHousehold with { WindowDays = 0 } },
            "UnderTwoInRiskHousehold.WindowDays" },
        { "under-two no themes", D with { UnderTwoInRiskHousehold = D.UnderTwoInRiskHousehold with { Themes = ConcernTheme.None } },
            "UnderTwoInRiskHousehold.Themes" },
        { "under-two unknown theme", D with { UnderTwoInRiskHousehold = D.UnderTwoInRiskHousehold with { Themes = (ConcernTheme)(1 << 20) } },
            "UnderTwoInRiskHousehold.Themes" },
        { "negative days without contact", D with { OffTheRadar = D.OffTheRadar with { NoContactDays = -60 } }, "OffTheRadar.NoContactDays" },
        { "zero missed appointments", D with { OffTheRadar = D.OffTheRadar with { MissedAppointments = 0 } }, "OffTheRadar.MissedAppointments" },
        { "zero missed window", D with { OffTheRadar = D.OffTheRadar with { MissedWindowDays = 0 } }, "OffTheRadar.MissedWindowDays" },
        { "no contact modes", D with { OffTheRadar = D.OffTheRadar with { ContactModes = [] } }, "OffTheRadar.ContactModes" },
        { "unknown contact mode", D with { OffTheRadar = D.OffTheRadar with { ContactModes = [(ContactMode)9] } }, "OffTheRadar.ContactModes" },
        { "one no-further-action is no repeat", D with { RepeatedNoFurtherAction = D.RepeatedNoFurtherAction with { Contacts = 1 } },
            "RepeatedNoFurtherAction.Contacts" },
        { "no-further-action window zero", D with { RepeatedNoFurtherAction = D.RepeatedNoFurtherAction with { WindowDays = 0 } },
            "RepeatedNoFurtherAction.WindowDays" },
        { "baby age zero", D with { NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgeDays = 0 } }, "NoFaceToFaceHealthVisit.AgeDays" },
        { "upper age not above age", D with { NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgeDays = 30, MaxAgeDays = 30 } },
            "NoFaceToFaceHealthVisit.MaxAgeDays" },
        { "no agency kinds", D with { NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgencyKinds = [] } },
            "NoFaceToFaceHealthVisit.AgencyKinds" },
        { "unknown agency kind", D with { NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgencyKinds = [(AgencyKind)99] } },
            "NoFaceToFaceHealthVisit.AgencyKinds" },
        { "zero working days to answer", D with { Prompts = D.Prompts with { AnswerWorkingDays = 0 } }, "Prompts.AnswerWorkingDays" },
        { "21 working days to answer", D with { Prompts = D.Prompts with { AnswerWorkingDays = 21 } }, "Prompts.AnswerWorkingDays" },
        { "zero days before raising again", D with { Prompts = D.Prompts with { ReraiseAbsenceAfterDays = 0 } }, "Prompts.ReraiseAbsenceAfterDays" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_bad_value_is_refused_on_its_field(string because, ConcernRuleSettings settings, string field)
    {
        var refusal = settings.Validate();

        Assert.NotNull(refusal);
        Assert.True(refusal.Errors.Count == 1, because);
        Assert.Equal(field, refusal.Errors[0].Field);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Errors[0].Message));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = D with
        {
            CumulativeConcern = D.CumulativeConcern with { WindowDays = 0, Threshold = 0 },
            OffTheRadar = D.OffTheRadar with { NoContactDays = 0 },
        };

        var fields = settings.Validate()!.Errors.Select(e => e.Field).ToHashSet();

        Assert.Equal(new HashSet<string> { "CumulativeConcern.WindowDays", "CumulativeConcern.Threshold", "OffTheRadar.NoContactDays" }, fields);
    }

    [Fact]
    public void A_disabled_rule_with_bad_values_is_still_refused_because_it_may_be_turned_on_again()
    {
        var settings = D with { RepeatedNoFurtherAction = D.RepeatedNoFurtherAction with { Enabled = false, Contacts = 0 } };

        Assert.Equal("RepeatedNoFurtherAction.Contacts", Assert.Single(settings.Validate()!.Errors).Field);
    }

    [Fact]
    public void Missing_collections_from_a_form_are_refused_not_thrown()
    {
        var settings = D with
        {
            CumulativeConcern = D.CumulativeConcern with { ThemeWeights = null! },
            OffTheRadar = D.OffTheRadar with { ContactModes = null! },
            NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgencyKinds = null! },
        };

        Assert.Equal(3, settings.Validate()!.Errors.Count);
    }

    [Fact]
    public void Edge_values_that_make_sense_are_accepted()
    {
        var settings = D with
        {
            CumulativeConcern = D.CumulativeConcern with { WindowDays = 1, Threshold = 1, MinAgencies = 1, RoutineMultiplier = 2, SignificantMultiplier = 2, CriticalMultiplier = 2 },
            RepeatedNoFurtherAction = D.RepeatedNoFurtherAction with { Contacts = 2, WindowDays = ConcernRuleSettings.MaxWindowDays },
            NoFaceToFaceHealthVisit = D.NoFaceToFaceHealthVisit with { AgeDays = 1, MaxAgeDays = 2 },
            Prompts = D.Prompts with { AnswerWorkingDays = 20, ReraiseAbsenceAfterDays = 1 },
        };

        Assert.Null(settings.Validate());
    }
}
