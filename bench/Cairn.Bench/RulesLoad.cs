using System.Diagnostics;
using Cairn.Bench.Benchmarks;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Web.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Features.Chronology.RecordEntry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench;

/// <summary>
/// Issue #4's targets for the concern rules, measured as a load script on the generated database: re-evaluating every
/// child in the area (target ≤ 30 s), and re-evaluating after one new entry (target ≤ 5 ms), for the child with the
/// most entries (the worst case for loading facts). Times are wall-clock per run; the entry is recorded through the
/// real handler, which evaluates its children itself, and that evaluation is also timed alone, with the bookkeeping
/// that makes it never lost (a pending-evaluation row saved, then deleted).
/// </summary>
internal static class RulesLoad
{
    public static async Task<int> RunAsync(BenchOptions options, int repeat, bool skipFull = false, bool traceSql = false)
    {
        // --trace-sql: every command and its time, to see where an evaluation's milliseconds go.
        BenchFixture.Use(options.Database, traceSql);
        var fixture = BenchFixture.Shared();
        AreaId area;
        PersonId typical;
        using (var scope = fixture.BeginRequest(fixture.FrontDoor))
        {
            var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
            area = await db.People.Where(p => p.Id == fixture.Child).Select(p => p.AreaId).SingleAsync();
            // A child from the middle of the area, for the usual case beside the busiest.
            var count = await db.People.CountAsync(p => p.Kind == Domain.People.PersonKind.Child);
            typical = await db.People.Where(p => p.Kind == Domain.People.PersonKind.Child).OrderBy(p => p.Id).Skip(count / 2).Select(p => p.Id).FirstAsync();
            Console.WriteLine($"typical child has {await db.ChronologySubjects.CountAsync(s => s.PersonId == typical)} entries; the busiest {fixture.ChildEntries}");
        }

        for (var run = 1; run <= (skipFull ? 0 : 2); run++)
        {
            using var scope = fixture.BeginRequest(fixture.FrontDoor);
            var watch = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAreaAsync(area, CancellationToken.None);
            watch.Stop();
            Console.WriteLine($"full evaluation run {run}: {watch.Elapsed.TotalSeconds:F1} s, {result.Children:N0} children, {result.Findings:N0} findings, {result.Raised:N0} raised, {result.Refreshed:N0} refreshed");
        }

        var recordTimes = new List<double>();
        var evaluateTimes = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            using (var scope = fixture.BeginRequest(fixture.SocialWorker))
            {
                var watch = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<RecordEntryHandler>().HandleAsync(fixture.Child, new RecordEntryCommand
                {
                    OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                    Category = ChronologyCategory.Education,
                    Significance = Significance.Routine,
                    Summary = "Bench entry: came to school hungry",
                    Concerns = [ConcernTheme.Neglect],
                }, CancellationToken.None);
                watch.Stop();
                if (outcome?.Refusal is not null || outcome is null)
                {
                    throw new InvalidOperationException("The bench entry was refused.");
                }

                recordTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            using (var scope = fixture.BeginRequest(fixture.SocialWorker))
            {
                var watch = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().SaveAndEvaluateAsync([fixture.Child], CancellationToken.None);
                watch.Stop();
                evaluateTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"busiest child: record one entry and evaluate its children ({repeat} runs): {Describe(recordTimes)}");
        Console.WriteLine($"busiest child: re-evaluate after one entry, alone, with its pending-evaluation row saved and deleted ({repeat} runs): {Describe(evaluateTimes)}");

        var typicalTimes = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            using var scope = fixture.BeginRequest(fixture.FrontDoor);
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().SaveAndEvaluateAsync([typical], CancellationToken.None);
            watch.Stop();
            typicalTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"typical child: re-evaluate after one entry, alone, with its pending-evaluation row saved and deleted ({repeat} runs): {Describe(typicalTimes)}");
        return 0;
    }

    private static string Describe(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"median {At(0.5):F1} ms, p95 {At(0.95):F1} ms, max {sorted[^1]:F1} ms";
    }
}
