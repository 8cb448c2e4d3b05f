using System.Diagnostics;
using Cairn.Bench.Benchmarks;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Domain.Education;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Features.Chronology.RecordEntry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench;

/// <summary>
/// Issue #4's targets for the concern rules, measured as a load script on the generated database: re-evaluating every
/// child in the area (target ≤ 30 s), and re-evaluating after one new entry (target ≤ 5 ms), for the child with the
/// most entries, then for the same child with complex needs (the worst case for loading facts: her entries are read
/// back a year rather than 90 days). Times are wall-clock per run; the entry is recorded through the
/// real handler, which evaluates its children itself, and that evaluation is also timed alone, with the bookkeeping
/// that makes it never lost (a pending-evaluation row saved, then deleted).
/// Each run works on a copy of the generated database, deleted at the end, so that runs are alike: the entries one
/// run adds (twice the repeat count, all about the busiest child and all evidence for her open prompt) would otherwise make every
/// later run's busiest child busier. <c>--in-place</c> runs on the database itself.
/// </summary>
internal static class RulesLoad
{
    public static async Task<int> RunAsync(BenchOptions options, int repeat, bool skipFull = false, bool traceSql = false, bool inPlace = false)
    {
        var database = inPlace ? options.Database : await CopyAsync(options.Database);
        try
        {
            return await RunOnAsync(database, repeat, skipFull, traceSql, inPlace);
        }
        finally
        {
            if (!inPlace)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    /// <summary>Copies the database beside itself, after moving its write-ahead log into it so the one file is whole.</summary>
    private static async Task<string> CopyAsync(string source)
    {
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"No benchmark database at {source}: run the generate command first.", source);
        }

        var watch = Stopwatch.StartNew();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={source}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Path.ChangeExtension(source, ".run.db");
        File.Copy(source, copy, overwrite: true);
        Console.WriteLine($"working on a copy, {copy} ({watch.Elapsed.TotalSeconds:F1} s to copy)");
        return copy;
    }

    private static async Task<int> RunOnAsync(string database, int repeat, bool skipFull, bool traceSql, bool inPlace)
    {
        // --trace-sql: every command and its time, to see where an evaluation's milliseconds go.
        BenchFixture.Use(database, traceSql);
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

        if (!skipFull)
        {
            using var scope = fixture.BeginRequest(fixture.FrontDoor);
            var byRule = await scope.ServiceProvider.GetRequiredService<CairnDbContext>().ConcernPrompts.GroupBy(p => p.Rule)
                .Select(g => new { Rule = g.Key, Count = g.Count() }).ToListAsync();
            Console.WriteLine($"prompts by rule (open and answered): {string.Join(", ", byRule.OrderBy(r => r.Rule).Select(r => $"{r.Rule} {r.Count:N0}"))}");
        }

        await MeasureBusiestAsync(fixture, repeat, "busiest child");
        if (!inPlace)
        {
            // The worst case for loading facts: the same child with complex needs, so the off-the-radar rule applies
            // and her entries are read back a year rather than 90 days. Changed on the copy only.
            using (var scope = fixture.BeginRequest(fixture.SocialWorker))
            {
                var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
                var by = await db.Professionals.Select(p => p.Id).FirstAsync();
                const string needs = "EHCP: speech, language and communication needs";
                const string why = "Bench: the worst case for the concern rules";
                var now = DateTimeOffset.UtcNow;
                // A database generated before education records were: record one.
                var record = await db.EducationRecords.SingleOrDefaultAsync(e => e.PersonId == fixture.Child);
                var refused = record is null
                    ? Track(db, EducationRecord.Record(fixture.Child, new EducationDraft(EducationStatus.AtSchool, DateOnly.FromDateTime(now.UtcDateTime), true, needs, why), by, now))
                    : record.Change(new EducationDraft(record.Status, record.Since, true, needs, why), record.Version, by, now);
                if (refused is not null)
                {
                    throw new InvalidOperationException($"Education change refused: {refused.Errors[0].Message}");
                }

                await db.SaveChangesAsync();
            }

            await MeasureBusiestAsync(fixture, repeat, "busiest child with complex needs");
        }

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

    /// <summary>
    /// Records an entry about the busiest child through the real handler (which evaluates her household), then
    /// evaluates her household again alone with the bookkeeping that makes it never lost; <paramref name="repeat"/> times.
    /// </summary>
    private static async Task MeasureBusiestAsync(BenchFixture fixture, int repeat, string label)
    {
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

        Console.WriteLine($"{label}: record one entry and evaluate its children ({repeat} runs): {Describe(recordTimes)}");
        Console.WriteLine($"{label}: re-evaluate after one entry, alone, with its pending-evaluation row saved and deleted ({repeat} runs): {Describe(evaluateTimes)}");
    }

    private static Refusal? Track(CairnDbContext db, Outcome<EducationRecord> outcome)
    {
        if (outcome.Value is { } created)
        {
            db.EducationRecords.Add(created);
        }

        return outcome.Refusal;
    }

    private static string Describe(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"median {At(0.5):F1} ms, p95 {At(0.95):F1} ms, max {sorted[^1]:F1} ms";
    }
}
