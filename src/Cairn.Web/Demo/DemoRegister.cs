using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Places;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Demo;

/// <summary>
/// A synthetic placement register for the demo area (L33, L41): providers of each kind and a dozen settings across the types, some
/// in the area (York postcodes) and some out of it (North Yorkshire), with vacancy counts over recent weeks. Every name and
/// registration number is invented; the postcodes are in the shipped postcode subset.
/// </summary>
internal static class DemoRegister
{
    private sealed record DemoSetting(string Provider, string Name, SettingType Type, string? Number, RegulatorJudgement Judgement, string Postcode,
        int Capacity, int MinAge, int MaxAge, PlacementNeed[] Specialisms, StaffingRatio Staffing, bool Waking, int[] Vacancies,
        Restriction[]? Restrictions = null, SexesAccepted Sexes = SexesAccepted.Any, bool Suspended = false);

    private static readonly (string Name, ProviderKind Kind, string Phone)[] Providers =
    [
        ("Cairnmoor Fostering Service", ProviderKind.OwnLocalAuthority, "01904 552000"),
        ("Cairnmoor Children's Homes", ProviderKind.OwnLocalAuthority, "01904 552100"),
        ("Ridings Care Group Ltd", ProviderKind.Private, "01609 770100"),
        ("Moorside Family Placements", ProviderKind.Voluntary, "01723 880200"),
        ("North Yorkshire Council Children's Services", ProviderKind.OtherLocalAuthority, "01609 780780"),
    ];

    private static readonly DemoSetting[] Settings =
    [
        new("Cairnmoor Fostering Service", "The Ashworth household", SettingType.FosterCarer, null, RegulatorJudgement.NotYetInspected, "YO1 3EL",
            2, 0, 11, [PlacementNeed.SiblingGroup], StaffingRatio.AsRegistered, false, [1, 0, 1]),
        new("Cairnmoor Fostering Service", "The Bhatti household", SettingType.FosterCarer, null, RegulatorJudgement.NotYetInspected, "YO1 5EY",
            3, 5, 17, [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.UnaccompaniedAsylumSeeking], StaffingRatio.AsRegistered, false, [0, 1]),
        new("Cairnmoor Fostering Service", "The Coles (connected person carers)", SettingType.ConnectedPersonCarer, null,
            RegulatorJudgement.NotYetInspected, "YO105DZ", 1, 0, 17, [], StaffingRatio.AsRegistered, false, [0]),
        new("Cairnmoor Fostering Service", "The Dawsons (parent and child)", SettingType.ParentAndChild, "SC900101", RegulatorJudgement.Good,
            "YO2 1SF", 1, 14, 17, [PlacementNeed.ParentAndBaby], StaffingRatio.AsRegistered, false, [1]),
        new("Cairnmoor Children's Homes", "Heworth Lodge", SettingType.ChildrensHome, "SC900201", RegulatorJudgement.Good, "YO233XH",
            4, 11, 17, [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation], StaffingRatio.TwoToOne, true, [1, 0, 0],
            [Restriction.DeprivationOfLiberty]),
        new("Cairnmoor Children's Homes", "Ouse View", SettingType.ChildrensHome, "SC900202", RegulatorJudgement.RequiresImprovement, "YO244JX",
            3, 8, 17, [PlacementNeed.Autism, PlacementNeed.LearningDisability], StaffingRatio.OneToOne, true, [0]),
        new("Cairnmoor Children's Homes", "Fulford Supported Lodgings", SettingType.SupportedAccommodation, "2900301",
            RegulatorJudgement.NotYetInspected,
            "YO266JD", 6, 16, 17, [PlacementNeed.UnaccompaniedAsylumSeeking], StaffingRatio.AsRegistered, false, [2, 3]),
        new("Ridings Care Group Ltd", "Thornfield House", SettingType.ChildrensHome, "SC900401", RegulatorJudgement.Outstanding, "YO111BJ",
            4, 10, 17, [PlacementNeed.MentalHealth, PlacementNeed.SelfHarm, PlacementNeed.EatingDisorder], StaffingRatio.TwoToOne, true, [0, 1],
            [Restriction.DeprivationOfLiberty]),
        new("Ridings Care Group Ltd", "Coastal View", SettingType.ChildrensHome, "SC900402", RegulatorJudgement.Inadequate, "YO125DG",
            3, 12, 17, [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.SubstanceMisuse], StaffingRatio.OneToOne, true, [2],
            Sexes: SexesAccepted.Male, Suspended: true),
        new("Ridings Care Group Ltd", "Swaledale School (residential)", SettingType.ResidentialSpecialSchool, "SC900403", RegulatorJudgement.Good,
            "YO7 1GT", 8, 8, 17, [PlacementNeed.Autism, PlacementNeed.LearningDisability, PlacementNeed.ComplexHealth], StaffingRatio.OneToOne, true,
            [1]),
        new("Moorside Family Placements", "The Fairburn household", SettingType.FosterCarer, null, RegulatorJudgement.NotYetInspected, "YO8 0JP",
            2, 11, 17, [PlacementNeed.HarmfulSexualBehaviour, PlacementNeed.YouthJustice], StaffingRatio.AsRegistered, false, [1],
            Sexes: SexesAccepted.Female),
        new("North Yorkshire Council Children's Services", "Hambleton Secure Unit", SettingType.SecureChildrensHome, "SC900501",
            RegulatorJudgement.Good,
            "YO7 4AF", 8, 10, 17, [PlacementNeed.MentalHealth, PlacementNeed.Exploitation, PlacementNeed.SelfHarm], StaffingRatio.ThreeToOne, true,
            [0, 1], [Restriction.SecureAccommodation, Restriction.DeprivationOfLiberty]),
    ];

    public static async Task SeedAsync(CairnDbContext db, Area area, ProfessionalId by, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var providers = new Dictionary<string, PlacementProvider>(StringComparer.Ordinal);
        foreach (var (name, kind, phone) in Providers)
        {
            var (provider, revision) = PlacementProvider.Record(area.Id, new ProviderDraft(name, kind, phone, null), by, now).Value;
            providers[name] = provider;
            db.PlacementProviders.Add(provider);
            db.ProviderRevisions.Add(revision);
        }

        var index = 0;
        foreach (var demo in Settings)
        {
            var postcode = Postcode.Parse(demo.Postcode);
            var at = await PostcodeImporter.LocateAsync(db, postcode, cancellationToken)
                     ?? throw new InvalidOperationException($"The demo postcode {postcode} is not in the shipped postcodes.");
            var upper = await db.LocalAuthorities.Where(l => l.Code == at.LocalAuthorityCode).Select(l => l.UpperTierCode)
                .FirstOrDefaultAsync(cancellationToken) ?? at.LocalAuthorityCode;
            var details = SettingDetails.From(new SettingDraft
            {
                Name = demo.Name,
                Type = demo.Type,
                Regulator = demo.Number is null ? null : Regulator.Ofsted,
                RegistrationNumber = demo.Number,
                LastJudgement = demo.Judgement,
                LastJudgementOn = demo.Judgement == RegulatorJudgement.NotYetInspected ? null : today.AddMonths(-3 - (index * 2)),
                Postcode = demo.Postcode,
                Capacity = demo.Capacity,
                MinAge = demo.MinAge,
                MaxAge = demo.MaxAge,
                Sexes = demo.Sexes,
                Specialisms = demo.Specialisms,
                Staffing = demo.Staffing,
                WakingNightStaff = demo.Waking,
                Restrictions = demo.Restrictions ?? [],
                RegistrationSuspended = demo.Suspended,
            }, new SettingPlace(at, upper), today);
            var (setting, first) = PlacementSetting.Record(providers[demo.Provider], details.Value
                ?? throw new InvalidOperationException($"Demo setting refused: {details.Refusal!.Errors[0].Message}"), by, now).Value;
            db.PlacementSettings.Add(setting);
            db.SettingRevisions.Add(first);
            // The counts over recent weeks, oldest first, so the latest is the current one.
            for (var week = 0; week < demo.Vacancies.Length; week++)
            {
                var from = today.AddDays(-7 * (demo.Vacancies.Length - 1 - week));
                db.SettingVacancies.Add(setting.RecordVacancies(demo.Vacancies[week], from, setting.Version, by, now, today).Value!);
            }

            index++;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
