using System.Diagnostics;
using System.Globalization;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Placements.Register;
using Cairn.Domain.Places;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Generation;

/// <summary>
/// Adds a placement register and one child to match to a database <c>generate</c> made (issue #15): <c>--settings</c> settings
/// (default 5,000) of every type across 60 providers, at grid references spread over a 60 km square around York in five local
/// authorities (York in the middle, so most settings are out of the area); a third without a vacancy; 0–6 current residents each
/// (children of the area placed through <see cref="Placement.Start"/>), three in four with a submitted referral saying what risks
/// they pose and face (one in eight a risk to others, one in five a vulnerability). Then the child to match: a girl of 13–15 with an
/// allocated social worker, <c>--dangers</c> (default 200) people and places posing a risk to her — a third people recorded as posing
/// a risk (half at a place of their own, half at their current address), a sixth places named for her, half area-wide places of
/// concern of every kind — and her submitted referral. The grid references come from synthetic postcodes (<c>ZY1 0AB</c>…)
/// written into the postcode directory, since a real directory's postcodes of five areas would need the full ONS file. Every
/// object is made by the domain's own factories; rows go through <c>SaveChanges</c> in batches.
/// </summary>
internal static class PlacementsGenerator
{
    /// <summary>The audit action whose record id is the referral to match: the benchmark finds it by this.</summary>
    public const string MarkerAction = "bench.generate-placements";

    private const string York = "E06000014";
    private const int CentreEast = 460_000;
    private const int CentreNorth = 452_000;
    private const int Side = 60_000;
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>Around York: Harrogate, Ryedale, Leeds and the East Riding, by quarter; York within 12 km of its centre.</summary>
    private static readonly string[] Quarters = ["E07000165", "E07000167", "E08000035", "E06000011"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var path = options.Database;
        var settingCount = options.Number("--settings", 5_000);
        var dangerCount = options.Number("--dangers", 200);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync("Need an existing --db: run generate first.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await using var app = BenchHost.Build(path);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }

        if (await db.PlacementSettings.AnyAsync())
        {
            await Console.Error.WriteLineAsync($"{path} already has a placement register: generate the database afresh first.");
            return 2;
        }

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY;");
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var random = new Random(20261208);
        var area = await db.Areas.AsNoTracking().SingleAsync();
        var social = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToListAsync();
        var by = await db.Professionals.AsNoTracking().Where(p => p.IsActive && social.Contains(p.AgencyId) && p.JobTitle == "Social worker")
            .Select(p => p.Id).FirstAsync();

        var postcodes = new SyntheticPostcodes(random);
        var providers = Providers(area.Id, by, now, db);
        var settings = new List<PlacementSetting>(settingCount);
        for (var i = 0; i < settingCount; i++)
        {
            var setting = Setting(i, providers[random.Next(providers.Count)], postcodes.Next(db), random, by, now, today);
            db.PlacementSettings.Add(setting.Setting);
            db.SettingRevisions.Add(setting.First);
            var vacancies = setting.Setting.RecordVacancies(random.Next(3) == 0 ? 0 : Math.Min(setting.Setting.Capacity, random.Next(1, 4)),
                today.AddDays(-7), setting.Setting.Version, by, now, today);
            db.SettingVacancies.Add(vacancies.Value ?? throw new InvalidOperationException(
                $"Vacancies refused: {vacancies.Refusal!.Errors[0].Message}"));
            settings.Add(setting.Setting);
            if (i % 1_000 == 999)
            {
                await SaveAsync(db);
            }
        }

        await SaveAsync(db);
        Console.WriteLine($"{settings.Count:N0} settings in {providers.Count} providers  {watch.Elapsed.TotalSeconds,7:F1} s");

        var children = await db.People.AsNoTracking()
            .Where(p => p.Kind == PersonKind.Child && p.DateOfBirth != null && p.DateOfBirth <= today.AddYears(-5))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DateOfBirth, p.Sex }).ToListAsync();
        var allocated = (await db.Involvements.AsNoTracking()
            .Where(i => i.Role == InvolvementRole.AllocatedSocialWorker && i.EndedOn == null).Select(i => i.ChildId).ToListAsync()).ToHashSet();
        // The child to match: a girl of 13 to 15 with an allocated social worker, kept out of every setting.
        var referred = children.First(c => c.Sex == Sex.Female && allocated.Contains(c.Id)
                                           && c.DateOfBirth <= today.AddYears(-13) && c.DateOfBirth > today.AddYears(-16));
        var pool = children.Where(c => c.Id != referred.Id).OrderBy(_ => random.Next()).ToList();
        var next = 0;
        var residents = 0;
        var profiles = 0;
        foreach (var setting in settings)
        {
            var living = Math.Min(random.Next(0, 7), pool.Count - next);
            for (var r = 0; r < living; r++)
            {
                var child = pool[next++];
                db.Placements.Add(Placement.Start(new PlacementStart
                {
                    ChildId = child.Id,
                    Where = new PlacementWhere
                    {
                        SettingId = setting.Id,
                        SettingName = setting.Name,
                        PlacementType = "K2",
                        Provider = ProviderKinds.Code(ProviderKind.Private),
                        Urn = setting.RegistrationNumber ?? PlacementCodes.UrnPlaceholder,
                        Postcode = setting.Postcode,
                        InArea = setting.IsInArea(York),
                    },
                    StartedOn = today.AddDays(-random.Next(0, 29)),
                    FamilyInformed = FamilyInformed.InPerson,
                    FamilyConsulted = true,
                }, child.DateOfBirth!.Value, false, [], false, by, now).Value ?? throw new InvalidOperationException("Placement refused."));
                residents++;
                if (random.Next(4) != 0)
                {
                    db.PlacementReferrals.Add(ResidentReferral(child.Id, random, by, now, today));
                    profiles++;
                }
            }

            if (residents % 1_000 < 6)
            {
                await SaveAsync(db);
            }
        }

        await SaveAsync(db);
        Console.WriteLine($"{residents:N0} residents, {profiles:N0} with a referral  {watch.Elapsed.TotalSeconds,7:F1} s");

        await DangersAsync(db, area.Id, referred.Id, dangerCount, postcodes, random, by, now, today);
        var home = await db.Addresses.AsNoTracking().Where(a => a.PersonId == referred.Id && a.To == null).Select(a => a.Postcode).FirstAsync();
        var referral = PlacementReferral.Start(referred.Id, new ReferralDetails
        {
            NeededBy = today.AddDays(14),
            AcceptableTypes = [SettingType.ChildrensHome, SettingType.FosterCarer],
            Needs = [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation],
            NeedsSummary = "A settled home with staff who understand exploitation, near her school.",
            Staffing = StaffingRatio.OneToOne,
            RisksAnswered = true,
            RisksToOthers = [RiskToOthers.Bullying],
            Vulnerabilities = [Vulnerability.SexualExploitation, Vulnerability.CriminalExploitation],
            RiskSummary = "Targeted by older men in the city centre; goes missing at weekends.",
            HomePostcode = home,
            SchoolPostcode = home,
            ChildsViews = "Wants to stay near her friends.",
        }, false, by, now).Value ?? throw new InvalidOperationException("Referral refused.");
        if (referral.Submit([], by, referral.Version, now) is { } refused)
        {
            throw new InvalidOperationException($"Referral not submitted: {refused.Errors[0].Message}");
        }

        db.PlacementReferrals.Add(referral);
        db.AuditEntries.Add(new Cairn.Web.Auditing.AuditEntry
        {
            At = now,
            Action = MarkerAction,
            Outcome = "succeeded",
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"referral={referral.Id.Value};settings={settings.Count};residents={residents};dangers={dangerCount}"),
        });
        await SaveAsync(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"Referral {referral.Id.Value} for child {referred.Id.Value}  {watch.Elapsed.TotalSeconds,7:F1} s");
        return 0;
    }

    private static async Task DangersAsync(CairnDbContext db, AreaId area, PersonId child, int count, SyntheticPostcodes postcodes,
        Random random, ProfessionalId by, DateTimeOffset now, DateOnly today)
    {
        var people = count / 3;
        var named = count / 6;
        var adults = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Adult).OrderBy(p => p.Id).Select(p => p.Id)
            .Take(people * 20).ToListAsync();
        for (var i = 0; i < people; i++)
        {
            var adult = adults[i * 20];
            var relationship = Relationship.Record(adult, child, RelationshipType.PersonPosingRisk, null, null,
                "Known to pose a risk of exploitation", by, now, today).Value!;
            db.Relationships.Add(relationship);
            var own = i % 2 == 0 ? postcodes.Next(db) : null;
            db.RiskPersonDangers.Add(RiskPersonDanger.Record(relationship.Id, child, adult, (RiskKind)random.Next(1, 6),
                own is null ? null : $"Flat {i} above the shops", own?.Postcode, own?.Location, by, now).Value!);
        }

        for (var i = 0; i < count - people; i++)
        {
            var at = postcodes.Next(db);
            db.PlacesOfConcern.Add(PlaceOfConcern.Record(area, i < named ? child : (PersonId?)null, $"Place of concern {i}", at.Postcode, at.Location,
                (RiskKind)random.Next(1, 6), "Young people are exploited here", today.AddDays(-random.Next(1, 300)), null, by, now, today).Value!);
        }

        await SaveAsync(db);
    }

    private static List<PlacementProvider> Providers(AreaId area, ProfessionalId by, DateTimeOffset now, CairnDbContext db)
    {
        var kinds = new[] { ProviderKind.OwnLocalAuthority, ProviderKind.Private, ProviderKind.Voluntary, ProviderKind.OtherLocalAuthority };
        var providers = new List<PlacementProvider>();
        for (var i = 0; i < 60; i++)
        {
            var (provider, revision) = PlacementProvider.Record(area, new ProviderDraft($"Provider {i:D2}", kinds[i % kinds.Length],
                "01904 000000", null), by, now).Value;
            db.PlacementProviders.Add(provider);
            db.ProviderRevisions.Add(revision);
            providers.Add(provider);
        }

        return providers;
    }

    private static (PlacementSetting Setting, SettingRevision First) Setting(int i, PlacementProvider provider, SyntheticPostcode at, Random random,
        ProfessionalId by, DateTimeOffset now, DateOnly today)
    {
        var type = random.Next(100) switch
        {
            < 55 => SettingType.FosterCarer,
            < 60 => SettingType.ConnectedPersonCarer,
            < 88 => SettingType.ChildrensHome,
            < 93 => SettingType.SupportedAccommodation,
            < 96 => SettingType.ResidentialSpecialSchool,
            < 98 => SettingType.ParentAndChild,
            _ => SettingType.SecureChildrensHome,
        };
        var carer = type is SettingType.FosterCarer or SettingType.ConnectedPersonCarer;
        var minimum = type == SettingType.SupportedAccommodation ? 16 : random.Next(0, 12);
        var judgement = carer ? RegulatorJudgement.NotYetInspected : (RegulatorJudgement)random.Next(1, 5);
        var details = SettingDetails.From(new SettingDraft
        {
            Name = $"{(carer ? "Carer" : "Home")} {i:D4}",
            Type = type,
            Regulator = carer ? null : Regulator.Ofsted,
            RegistrationNumber = carer ? null : string.Create(CultureInfo.InvariantCulture, $"SC{900000 + i}"),
            LastJudgement = judgement,
            LastJudgementOn = judgement == RegulatorJudgement.NotYetInspected ? null : today.AddDays(-random.Next(30, 900)),
            Postcode = at.Postcode,
            Capacity = random.Next(1, 7),
            MinAge = minimum,
            MaxAge = type == SettingType.SupportedAccommodation ? 17 : random.Next(100) < 80 ? 17 : Math.Max(minimum, random.Next(12, 18)),
            Sexes = random.Next(10) switch { 0 => SexesAccepted.Male, 1 => SexesAccepted.Female, _ => SexesAccepted.Any },
            Specialisms = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => (PlacementNeed)random.Next(1, 16)).Distinct()],
            Staffing = (StaffingRatio)random.Next(0, 4),
            WakingNightStaff = !carer && random.Next(2) == 0,
            Restrictions = type == SettingType.SecureChildrensHome ? [Restriction.SecureAccommodation, Restriction.DeprivationOfLiberty]
                : random.Next(10) == 0 ? [Restriction.DeprivationOfLiberty] : [],
            RegistrationSuspended = random.Next(100) == 0,
        }, new SettingPlace(at.Location, UpperTier(at.Location.LocalAuthorityCode)), today);
        return PlacementSetting.Record(provider, details.Value ?? throw new InvalidOperationException(
            $"Setting refused: {details.Refusal!.Errors[0].Field} {details.Refusal.Errors[0].Message}"), by, now).Value;
    }

    private static string UpperTier(string code) => code is "E07000165" or "E07000167" ? "E10000023" : code;

    private static PlacementReferral ResidentReferral(PersonId child, Random random, ProfessionalId by, DateTimeOffset now, DateOnly today)
    {
        var started = PlacementReferral.Start(child, new ReferralDetails
        {
            NeededBy = today.AddDays(-random.Next(0, 7)),
            AcceptableTypes = [SettingType.ChildrensHome, SettingType.FosterCarer],
            Needs = [PlacementNeed.EmotionalAndBehavioural],
            NeedsSummary = "A settled home.",
            Staffing = StaffingRatio.AsRegistered,
            RisksAnswered = true,
            RisksToOthers = random.Next(8) == 0 ? [(RiskToOthers)random.Next(1, 7)] : [],
            Vulnerabilities = random.Next(5) == 0 ? [(Vulnerability)random.Next(1, 7)] : [],
            RiskSummary = "As assessed.",
            ChildsViews = "Wants to be near friends.",
        }, false, by, now);
        var referral = started.Value ?? throw new InvalidOperationException($"Resident's referral refused: {started.Refusal!.Errors[0].Message}");
        return referral.Submit([], by, referral.Version, now) is { } refused
            ? throw new InvalidOperationException($"Resident's referral not submitted: {refused.Errors[0].Message}")
            : referral;
    }

    private static async Task SaveAsync(CairnDbContext db)
    {
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private sealed record SyntheticPostcode(string Postcode, PostcodeLocation Location);

    /// <summary>Postcodes ZY1 0AB, ZY1 0AD… at random grid references in the square, added to the postcode directory as they are made.</summary>
    private sealed class SyntheticPostcodes(Random random)
    {
        private int _made;

        public SyntheticPostcode Next(CairnDbContext db)
        {
            var n = _made++;
            var inward = $"{n / 400 % 10}{InwardLetters[n / 20 % 20]}{InwardLetters[n % 20]}";
            var postcode = Postcode.Parse($"ZY{1 + (n / 4_000)} {inward}").ToString();
            int east = CentreEast - (Side / 2) + random.Next(Side), north = CentreNorth - (Side / 2) + random.Next(Side);
            var fromCentre = Math.Sqrt(Math.Pow(east - CentreEast, 2) + Math.Pow(north - CentreNorth, 2));
            var code = fromCentre <= 12_000 ? York : Quarters[(east < CentreEast ? 0 : 1) + (north < CentreNorth ? 2 : 0)];
            db.Postcodes.Add(new PostcodeEntry { Postcode = postcode, LocalAuthorityCode = code, Easting = east, Northing = north });
            return new SyntheticPostcode(postcode, new PostcodeLocation(code, east, north));
        }
    }
}
