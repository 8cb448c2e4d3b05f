using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Demo;

/// <summary>
/// Looked-after children in the demo area, so a newcomer can run a match straight away: three of the demo's older children living
/// in register settings (two in Heworth Lodge, one out of the area in Coastal View, one of them there only for now), and a fourth
/// with a submitted placement referral waiting on the tracking panel. A handful of rows, written in one save.
/// </summary>
internal static class DemoPlacements
{
    private sealed record Stay(string Setting, int DaysAgo, string Type, bool PlanAgreed, PlacementSuitability Suitability);

    private static readonly Stay[] Stays =
    [
        new("Heworth Lodge", 25, "K2", true, PlacementSuitability.Suitable),
        new("Heworth Lodge", 12, "K2", true, PlacementSuitability.Suitable),
        new("Coastal View", 3, "K2", false, PlacementSuitability.Interim),
    ];

    public static async Task SeedAsync(CairnDbContext db, Area area, ProfessionalId by, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var oldest = today.AddYears(-17);
        var youngest = today.AddYears(-12);
        var children = await db.People.AsNoTracking()
            .Where(p => p.AreaId == area.Id && p.Kind == PersonKind.Child && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DateOfBirth }).Take(Stays.Length + 1).ToListAsync(cancellationToken);
        if (children.Count < Stays.Length + 1)
        {
            return; // a demo too small to have older children has no looked-after ones
        }

        var settings = await db.PlacementSettings.AsNoTracking().Where(s => s.AreaId == area.Id).ToListAsync(cancellationToken);
        var providers = await db.PlacementProviders.AsNoTracking().Where(p => p.AreaId == area.Id)
            .ToDictionaryAsync(p => p.Id, p => p.Kind, cancellationToken);
        var calendar = new WorkingCalendar(new BankHolidayRules([]));
        for (var i = 0; i < Stays.Length; i++)
        {
            var stay = Stays[i];
            var setting = settings.Single(s => s.Name == stay.Setting);
            var child = children[i];
            var placement = Placement.Start(new PlacementStart
            {
                ChildId = child.Id,
                Where = new PlacementWhere
                {
                    SettingId = setting.Id,
                    SettingName = setting.Name,
                    PlacementType = stay.Type,
                    Provider = ProviderKinds.Code(providers[setting.ProviderId]),
                    Urn = setting.RegistrationNumber ?? PlacementCodes.UrnPlaceholder,
                    Postcode = setting.Postcode,
                    InArea = setting.IsInArea(area.LocalAuthorityCode),
                },
                StartedOn = today.AddDays(-stay.DaysAgo),
                FamilyInformed = FamilyInformed.InPerson,
                FamilyConsulted = true,
            }, child.DateOfBirth!.Value, false, [], false, by, now).Value
                            ?? throw new InvalidOperationException($"Demo placement in {stay.Setting} refused.");
            placement.ScheduleDuties(calendar);
            if (stay.PlanAgreed)
            {
                placement.AgreePlacementPlan(placement.StartedOn.AddDays(3), placement.Version, now);
            }

            if (stay.Suitability != PlacementSuitability.Suitable)
            {
                placement.MarkSuitability(stay.Suitability, "Only an emergency bed was free: a foster home near her school is being sought",
                    placement.Version);
            }

            db.Placements.Add(placement);
        }

        var waiting = children[Stays.Length];
        var referral = PlacementReferral.Start(waiting.Id, new ReferralDetails
        {
            NeededBy = today.AddDays(14),
            AcceptableTypes = [SettingType.ChildrensHome, SettingType.FosterCarer],
            Needs = [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation],
            NeedsSummary = "Needs a settled home with staff who understand exploitation and can keep her in her current school.",
            Staffing = StaffingRatio.OneToOne,
            RisksAnswered = true,
            Vulnerabilities = [Vulnerability.SexualExploitation],
            RiskSummary = "Targeted by older men in the city centre; goes missing from home at weekends.",
            ChildsViews = "Wants to stay near her friends and school.",
        }, false, by, now).Value ?? throw new InvalidOperationException("Demo placement referral refused.");
        referral.Submit([], by, referral.Version, now);
        db.PlacementReferrals.Add(referral);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
