using Cairn.Domain.Agencies;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Places;

namespace Cairn.Domain.Tests.Placements.Register;

/// <summary>
/// The placement register's rules (L33, L41, L44): ages, supported accommodation for 16 and 17 only, secure accommodation only in a
/// secure children's home, registration numbers, plausible judgement dates, postcodes found in the directory, vacancies within
/// capacity, versions and revisions, and who may read and change it.
/// </summary>
public sealed class SettingRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProfessionalId Manager = ProfessionalId.New();
    private static readonly AreaId Area = AreaId.New();
    private static readonly SettingPlace York = new(new PostcodeLocation("E06000014", 460000, 452000), "E06000014");
    private static readonly SettingPlace Selby = new(new PostcodeLocation("E07000169", 461000, 432000), "E10000023");

    private static SettingDraft Home(SettingType type = SettingType.ChildrensHome) => new()
    {
        Name = "Heworth Lodge",
        Type = type,
        Regulator = Regulator.Ofsted,
        RegistrationNumber = "SC123456",
        LastJudgement = RegulatorJudgement.Good,
        LastJudgementOn = new DateOnly(2025, 6, 1),
        Postcode = "YO31 7HH",
        Capacity = 4,
        MinAge = 11,
        MaxAge = 17,
        Sexes = SexesAccepted.Any,
        Specialisms = [PlacementNeed.Exploitation, PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation],
        Staffing = StaffingRatio.TwoToOne,
        WakingNightStaff = true,
        Restrictions = [Restriction.DeprivationOfLiberty],
    };

    private static List<string> Fields(Outcome<SettingDetails> outcome) =>
        outcome.Refusal?.Errors.Select(e => e.Field).ToList() ?? [];

    private static PlacementProvider Provider() =>
        PlacementProvider.Record(Area, new ProviderDraft("Ridings Care Group", ProviderKind.Private, null, null), Manager, Now).Value.Provider;

    private static PlacementSetting Setting(SettingPlace? place = null) =>
        PlacementSetting.Record(Provider(), SettingDetails.From(Home(), place ?? York, Today).Value!, Manager, Now).Value.Setting;

    [Fact]
    public void A_valid_setting_is_accepted_with_its_postcode_normalised_located_and_its_sets_de_duplicated_and_ordered()
    {
        var details = SettingDetails.From(Home() with { Postcode = "yo317hh", RegistrationNumber = " sc123456 " }, York, Today).Value!;

        Assert.Equal(("YO31 7HH", "E06000014", 460000, 452000, "SC123456"),
            (details.Postcode, details.LocalAuthorityCode, details.Easting, details.Northing, details.RegistrationNumber));
        Assert.Equal([PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation], details.Specialisms);
    }

    [Theory]
    [InlineData(SettingType.ChildrensHome, 0, 17, true)]
    [InlineData(SettingType.ChildrensHome, 17, 17, true)]
    [InlineData(SettingType.ChildrensHome, 12, 11, false)]
    [InlineData(SettingType.ChildrensHome, -1, 10, false)]
    [InlineData(SettingType.ChildrensHome, 5, 18, false)]
    [InlineData(SettingType.FosterCarer, 0, 0, true)]
    [InlineData(SettingType.SupportedAccommodation, 16, 17, true)]
    [InlineData(SettingType.SupportedAccommodation, 17, 17, true)]
    [InlineData(SettingType.SupportedAccommodation, 15, 17, false)]
    [InlineData(SettingType.SupportedAccommodation, 0, 17, false)]
    public void Age_ranges_are_0_to_17_youngest_first_and_supported_accommodation_takes_16_and_17_only(SettingType type, int min, int max,
        bool accepted)
    {
        var outcome = SettingDetails.From(Home(type) with { MinAge = min, MaxAge = max }, York, Today);

        Assert.Equal(accepted, outcome.Succeeded);
        if (!accepted)
        {
            Assert.True(Fields(outcome).All(f => f is "MinAge" or "MaxAge"), string.Join(", ", Fields(outcome)));
        }
    }

    [Theory]
    [InlineData(SettingType.SecureChildrensHome, true)]
    [InlineData(SettingType.ChildrensHome, false)]
    [InlineData(SettingType.FosterCarer, false)]
    [InlineData(SettingType.ResidentialSpecialSchool, false)]
    [InlineData(SettingType.SupportedAccommodation, false)]
    public void Secure_accommodation_is_only_for_a_secure_childrens_home(SettingType type, bool accepted)
    {
        var outcome = SettingDetails.From(Home(type) with { MinAge = 16, Restrictions = [Restriction.SecureAccommodation] }, York, Today);

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(accepted ? [] : ["Restrictions"], Fields(outcome));
    }

    [Theory]
    [InlineData(SettingType.ChildrensHome, 1)]
    [InlineData(SettingType.FosterCarer, 1)]
    [InlineData(SettingType.ConnectedPersonCarer, 1)]
    [InlineData(SettingType.ChildrensHome, 100)]
    public void Deprivation_of_liberty_is_recorded_for_any_type_and_capacity_from_1_to_100_is_accepted(SettingType type, int capacity) =>
        Assert.True(SettingDetails.From(Home(type) with { Capacity = capacity }, York, Today).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(null)]
    public void Capacity_outside_1_to_100_is_refused(int? capacity) =>
        Assert.Equal(["Capacity"], Fields(SettingDetails.From(Home() with { Capacity = capacity }, York, Today)));

    [Theory]
    [InlineData(SettingType.ChildrensHome, "SC123456", true)]
    [InlineData(SettingType.ChildrensHome, "1-123456789", true)]
    [InlineData(SettingType.ChildrensHome, "2900301", true)]
    [InlineData(SettingType.ChildrensHome, null, false)]
    [InlineData(SettingType.ChildrensHome, "SC 123", false)]
    [InlineData(SettingType.ChildrensHome, "SCABCDEF", false)]
    [InlineData(SettingType.ChildrensHome, "SC1234567890123456789", false)]
    [InlineData(SettingType.ChildrensHome, "<script>1", false)]
    [InlineData(SettingType.FosterCarer, null, true)]
    [InlineData(SettingType.ConnectedPersonCarer, null, true)]
    [InlineData(SettingType.FosterCarer, "SC!", false)]
    public void A_registration_number_is_letters_and_digits_up_to_20_and_optional_only_for_approved_carers(SettingType type, string? number,
        bool accepted)
    {
        var outcome = SettingDetails.From(Home(type) with { RegistrationNumber = number }, York, Today);

        Assert.Equal(accepted ? [] : ["RegistrationNumber"], Fields(outcome));
    }

    [Theory]
    [InlineData(SettingType.ChildrensHome, false)]
    [InlineData(SettingType.SecureChildrensHome, false)]
    [InlineData(SettingType.FosterCarer, true)]
    [InlineData(SettingType.ConnectedPersonCarer, true)]
    public void A_regulator_is_needed_unless_the_setting_is_a_carer_approved_by_a_fostering_service(SettingType type, bool accepted)
    {
        var unregulated = Home(type) with { Regulator = null, RegistrationNumber = null, LastJudgement = null, LastJudgementOn = null };

        var outcome = SettingDetails.From(unregulated, York, Today);

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(accepted, SettingDetails.IsApprovedCarer(type));
    }

    [Theory]
    [InlineData(RegulatorJudgement.Good, "2026-12-07", true)]
    [InlineData(RegulatorJudgement.Good, "2000-01-01", true)]
    [InlineData(RegulatorJudgement.Good, "2026-12-08", false)]
    [InlineData(RegulatorJudgement.Inadequate, "1999-12-31", false)]
    [InlineData(RegulatorJudgement.Outstanding, null, false)]
    [InlineData(RegulatorJudgement.NotYetInspected, null, true)]
    [InlineData(RegulatorJudgement.NotYetInspected, "2025-01-01", false)]
    public void A_judgement_date_is_needed_once_inspected_and_is_neither_in_the_future_nor_before_2000(RegulatorJudgement judgement, string? on,
        bool accepted)
    {
        var outcome = SettingDetails.From(Home() with { LastJudgement = judgement, LastJudgementOn = on is null ? null : DateOnly.Parse(on) }, York,
            Today);

        Assert.Equal(accepted ? [] : ["LastJudgementOn"], Fields(outcome));
    }

    [Fact]
    public void A_postcode_that_is_not_one_or_not_in_the_directory_is_refused_with_a_clear_message()
    {
        var notOne = SettingDetails.From(Home() with { Postcode = "NOT A POSTCODE" }, null, Today);
        var unknown = SettingDetails.From(Home() with { Postcode = "YO99 9ZZ" }, null, Today);

        Assert.Equal(["Postcode"], Fields(notOne));
        Assert.Equal("YO99 9ZZ is not in the postcode directory. Check it, or ask an administrator to load the latest postcodes",
            unknown.Refusal!.Errors.Single().Message);
    }

    [Fact]
    public void Everything_missing_is_refused_field_by_field_at_once()
    {
        var outcome = SettingDetails.From(new SettingDraft(), null, Today);

        Assert.Equal(["Name", "Type", "LastJudgement", "Postcode", "Capacity", "MinAge", "MaxAge", "Sexes", "Staffing"], Fields(outcome));
    }

    [Fact]
    public void In_the_area_means_the_settings_district_or_upper_tier_is_the_areas_authority()
    {
        Assert.True(Setting(York).IsInArea("E06000014"));
        Assert.True(Setting(Selby).IsInArea("E10000023"));
        Assert.False(Setting(Selby).IsInArea("E06000014"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(-1, false)]
    [InlineData(null, false)]
    public void Vacancies_are_0_to_the_capacity(int? vacancies, bool accepted)
    {
        var setting = Setting();

        var outcome = setting.RecordVacancies(vacancies, Today, 1, Manager, Now, Today);

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(accepted ? vacancies : null, setting.Vacancies);
        Assert.Equal(accepted ? 2 : 1, setting.Version);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-366, true)]
    [InlineData(1, false)]
    [InlineData(-367, false)]
    public void Vacancies_are_from_today_or_the_last_year(int days, bool accepted) =>
        Assert.Equal(accepted, Setting().RecordVacancies(1, Today.AddDays(days), 1, Manager, Now, Today).Succeeded);

    [Fact]
    public void The_current_vacancies_are_the_latest_dated_and_an_earlier_dated_count_is_kept_without_replacing_them()
    {
        var setting = Setting();

        var first = setting.RecordVacancies(2, Today.AddDays(-7), 1, Manager, Now, Today).Value!;
        var latest = setting.RecordVacancies(1, Today, 2, Manager, Now, Today).Value!;
        var backdated = setting.RecordVacancies(3, Today.AddDays(-14), 3, Manager, Now, Today).Value!;

        Assert.Equal((1, Today, 4), (setting.Vacancies, setting.VacanciesFrom, setting.Version));
        Assert.Equal([2, 1, 3], new[] { first, latest, backdated }.Select(v => v.Vacancies));
    }

    [Fact]
    public void Recording_vacancies_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var setting = Setting();
        setting.RecordVacancies(2, Today, 1, Manager, Now, Today);

        var stale = setting.RecordVacancies(0, Today, 1, Manager, Now, Today);

        Assert.True(stale.Refusal!.IsConflict);
        Assert.Equal((2, 2), (setting.Vacancies, setting.Version));
    }

    [Fact]
    public void A_change_keeps_a_revision_naming_the_fields_changed_and_a_stale_one_is_a_conflict()
    {
        var setting = Setting();
        var changed = SettingDetails.From(Home() with { Capacity = 6, Specialisms = [PlacementNeed.Autism] }, York, Today).Value!;

        var revision = setting.Change(changed, 1, Manager, Now).Value!;
        var stale = setting.Change(changed with { Capacity = 3 }, 1, Manager, Now);
        var nothing = setting.Change(changed, 2, Manager, Now);

        Assert.Equal((2, 6), (revision.Version, revision.Details.Capacity));
        Assert.Equal(["Capacity", "Specialisms"], revision.Changed);
        Assert.True(stale.Refusal!.IsConflict);
        Assert.True(nothing.Succeeded);
        Assert.Null(nothing.Value);
        Assert.Equal((2, 6), (setting.Version, setting.Capacity));
    }

    [Fact]
    public void Capacity_cannot_fall_below_the_vacancies_recorded()
    {
        var setting = Setting();
        setting.RecordVacancies(3, Today, 1, Manager, Now, Today);

        var outcome = setting.Change(SettingDetails.From(Home() with { Capacity = 2 }, York, Today).Value!, 2, Manager, Now);

        Assert.Equal(["Capacity"], outcome.Refusal!.Errors.Select(e => e.Field));
        Assert.Equal(4, setting.Capacity);
    }

    [Fact]
    public void A_setting_takes_children_within_its_ages_and_sexes()
    {
        var setting = Setting();

        Assert.True(setting.Takes(11, SexesAccepted.Female));
        Assert.False(setting.Takes(10, SexesAccepted.Male));
    }

    [Theory]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.Practitioner, true, false)]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.FrontDoor, true, false)]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.SafeguardingLead, true, false)]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.TeamManager, true, true)]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.HeadOfService, true, true)]
    [InlineData(AgencyKind.ChildrensSocialCare, Role.Administrator, true, true)]
    [InlineData(AgencyKind.Police, Role.TeamManager, false, false)]
    [InlineData(AgencyKind.School, Role.Practitioner, false, false)]
    [InlineData(AgencyKind.Hospital, Role.Administrator, false, false)]
    public void Childrens_social_care_reads_the_register_and_its_managers_and_administrators_keep_it(AgencyKind agency, Role role, bool view,
        bool change) =>
        Assert.Equal((view, change), (RegisterRights.MayView(agency), RegisterRights.MayChange(agency, role | Role.Practitioner)));
}
