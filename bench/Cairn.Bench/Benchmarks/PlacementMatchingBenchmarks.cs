using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using Cairn.Domain.Places;

namespace Cairn.Bench.Benchmarks;

public enum MatchingCase
{
    /// <summary>A girl of 14 with two needs, 1:1 staffing, exploitation vulnerabilities and 200 dangers: a third of settings are options.</summary>
    TypicalReferral,
    /// <summary>A boy of 12 with no constraints beyond the age: most settings with a vacancy are options, each with its explanation.</summary>
    FewConstraints,
}

/// <summary>
/// <see cref="PlacementMatcher.Rank"/> over a synthetic register of 5,000 settings with 0–6 residents each and 200 dangers, every
/// option with its explanation, one call per iteration (<see cref="LatencyConfig"/>). The engine is pure, so no database: what a
/// placement page adds on top is reading the register, which the register's own benchmark measures.
/// </summary>
[Config(typeof(LatencyConfig))]
public class PlacementMatchingBenchmarks
{
    private MatchRequest _request = null!;
    private CandidateSetting[] _settings = null!;

    [ParamsAllValues]
    public MatchingCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_request, _settings) = MatchingData.Generate(Case);
        var result = Rank();
        if (result.Options.Count == 0 || !result.Options.Any(o => o.HasDangerFlags) || !result.Options.Any(o => o.HasConflicts))
        {
            throw new InvalidOperationException($"{Case}: the synthetic data should give options, some near dangers and some with conflicts.");
        }

        Console.WriteLine($"// {Case}: {result.Options.Count:N0} options, {result.Options.Count(o => o.HasDangerFlags):N0} near a danger, "
            + $"{result.Options.Count(o => o.HasConflicts):N0} with conflicts, {result.Options.Sum(o => o.Lines.Count):N0} lines; "
            + result.Exclusions.Summary);
    }

    [Benchmark]
    public MatchResult Rank() => PlacementMatcher.Rank(_request, _settings);

    /// <summary>Ranking, then reading every line of every option and the exclusion summary: what an answer listing every option costs.</summary>
    [Benchmark]
    public int RankAndReadEveryLine() => ReadEveryLine(Rank());

    private static int ReadEveryLine(MatchResult result)
    {
        var characters = result.Exclusions.Summary.Length;
        foreach (var option in result.Options)
        {
            foreach (var line in option.Lines)
            {
                characters += line.Text.Length;
            }
        }

        return characters;
    }

    /// <summary>
    /// Callers ranking at once, each on its own request, for a few seconds each: a lock inside the engine would show as a p95 growing
    /// with the callers while the throughput stays flat. Prints p50, p95 and calls per second.
    /// </summary>
    public static int MeasureConcurrency(int seconds)
    {
        Console.WriteLine($"{Environment.ProcessorCount} processors; {seconds} s per run; load average {LoadAverage()}");
        Console.WriteLine("case                 callers      calls     p50 ms     p95 ms    per second");
        foreach (var @case in Enum.GetValues<MatchingCase>())
        {
            var (request, settings) = MatchingData.Generate(@case);
            for (var warm = 0; warm < 200; warm++)
            {
                PlacementMatcher.Rank(request, settings);
            }

            foreach (var callers in new[] { 1, 2, 8 })
            {
                var timings = new List<double>[callers];
                var until = Stopwatch.StartNew();
                Parallel.For(0, callers, new ParallelOptions { MaxDegreeOfParallelism = callers }, i =>
                {
                    timings[i] = [];
                    while (until.Elapsed < TimeSpan.FromSeconds(seconds))
                    {
                        var watch = Stopwatch.StartNew();
                        PlacementMatcher.Rank(request, settings);
                        timings[i].Add(watch.Elapsed.TotalMilliseconds);
                    }
                });
                var all = timings.SelectMany(t => t).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{@case,-20} {callers,7} {all.Count,10} {all[all.Count / 2],10:F2} {all[(int)(all.Count * 0.95)],10:F2} "
                    + $"{all.Count / until.Elapsed.TotalSeconds,13:F0}"));
            }
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>
/// A synthetic register in a 60 km square (seeded, so every run ranks the same settings): 5,000 settings of every type, a third
/// without a vacancy, 0–6 residents each with a risk or vulnerability now and then, and 200 people and places of concern.
/// </summary>
internal static class MatchingData
{
    public const int Settings = 5_000;
    public const int Dangers = 200;
    private const int West = 430_000;
    private const int South = 420_000;
    private const int Side = 60_000;
    private static readonly string[] Areas = ["E06000014", "E07000164", "E08000035", "E06000011"];

    public static (MatchRequest Request, CandidateSetting[] Settings) Generate(MatchingCase @case)
    {
        var random = new Random(15);
        var dangers = Enumerable.Range(0, Dangers).Select(i => new Danger(
            i % 3 == 0 ? "a person posing a risk (relationship recorded on the child's record)" : $"Place of concern {i}",
            i % 3 == 0 ? DangerSource.Person : DangerSource.Place, Anywhere(random), (RiskKind)random.Next(1, 6), AreaWide: i % 3 != 0)).ToArray();
        var settings = Enumerable.Range(0, Settings).Select(i => Setting(random, i)).ToArray();
        var request = @case switch
        {
            MatchingCase.TypicalReferral => new MatchRequest
            {
                AgeInYears = 14,
                Sex = Sex.Female,
                Needs = [PlacementNeed.EmotionalAndBehavioural, PlacementNeed.Exploitation],
                Staffing = StaffingRatio.OneToOne,
                Home = Centre,
                School = Centre with { Easting = Centre.Easting + 2_500 },
                RisksToOthers = [RiskToOthers.Bullying],
                Vulnerabilities = [Vulnerability.SexualExploitation, Vulnerability.CriminalExploitation],
                Dangers = dangers,
                PlacingAreaCodes = [Areas[0]],
            },
            _ => new MatchRequest
            {
                AgeInYears = 12,
                Sex = Sex.Male,
                Home = Centre,
                Vulnerabilities = [Vulnerability.Bullying, Vulnerability.Violence],
                Dangers = dangers,
                PlacingAreaCodes = [Areas[0]],
            },
        };
        return (request, settings);
    }

    private static PostcodeLocation Centre => new(Areas[0], West + (Side / 2), South + (Side / 2));

    private static PostcodeLocation Anywhere(Random random)
    {
        int east = random.Next(Side), north = random.Next(Side);
        return new PostcodeLocation(Areas[((east * 2) / Side) + (((north * 2) / Side) * 2)], West + east, South + north);
    }

    private static CandidateSetting Setting(Random random, int i)
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
        var minimum = type == SettingType.SupportedAccommodation ? 16 : random.Next(0, 12);
        var residents = random.Next(0, 7);
        return new CandidateSetting
        {
            Id = new SettingId(new Guid(i, 0, 0, new byte[8])),
            Name = $"{(type == SettingType.FosterCarer ? "Carer" : "Home")} {i:D4}",
            Type = type,
            MinimumAge = minimum,
            MaximumAge = random.Next(100) < 80 ? 17 : Math.Max(minimum, random.Next(12, 18)),
            SexesAccepted = random.Next(10) switch { 0 => [Sex.Male], 1 => [Sex.Female], _ => [] },
            Judgement = (RegulatorJudgement)random.Next(0, 5),
            Suspended = random.Next(100) == 0,
            Vacancies = random.Next(3) == 0 ? 0 : random.Next(1, 4),
            Specialisms = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => (PlacementNeed)random.Next(1, 16)).Distinct()],
            MaximumStaffing = (StaffingRatio)random.Next(0, 4),
            WakingNightStaff = type != SettingType.FosterCarer && random.Next(2) == 0,
            RestrictionsSupported = type == SettingType.SecureChildrensHome ? [Restriction.SecureAccommodation, Restriction.DeprivationOfLiberty]
                : random.Next(10) == 0 ? [Restriction.DeprivationOfLiberty] : [],
            Location = Anywhere(random),
            Residents = [.. Enumerable.Range(0, residents).Select(r => new Resident(
                $"resident-{i}-{r}", random.Next(4) == 0, $"Resident {i}-{r}",
                random.Next(8) == 0 ? [(RiskToOthers)random.Next(1, 7)] : [],
                random.Next(5) == 0 ? [(Vulnerability)random.Next(1, 7)] : []))],
        };
    }
}
