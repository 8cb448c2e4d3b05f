using System.Diagnostics;
using BenchmarkDotNet.Running;
using Cairn.Bench.Benchmarks;

namespace Cairn.Bench;

internal static class BenchRunner
{
    /// <summary>Runs the benchmarks with BenchmarkDotNet; every case unless a --filter is given.</summary>
    public static int Run(BenchOptions options)
    {
        BenchFixture.Use(options.Database, logSql: false);
        var args = options.Rest.Contains("--filter") ? options.Rest : [.. options.Rest, "--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// Placement matching (issue #15): pure domain, so no database. BenchmarkDotNet's per-call percentiles, then the same ranking
    /// under 1, 2 and 8 concurrent callers.
    /// </summary>
    public static int Matching(BenchOptions options)
    {
        var args = options.Rest.Contains("--filter") ? options.Rest : [.. options.Rest, "--filter", "*PlacementMatching*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run(args);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : PlacementMatchingBenchmarks.MeasureConcurrency(options.Number("--seconds", 5));
    }

    /// <summary>
    /// Each case once after a warm-up call, printing every SQL command EF Core runs and its time: where to start when a
    /// target is missed. Words after the options pick cases by name, e.g. <c>trace --db … Inbox</c>.
    /// </summary>
    public static async Task<int> TraceAsync(BenchOptions options)
    {
        BenchFixture.Use(options.Database, logSql: true);
        var fixture = BenchFixture.Shared();
        Console.WriteLine($"Child {fixture.Child.Value} with {fixture.ChildEntries:N0} entries.");
        foreach (var @case in Enum.GetValues<ChronologyCase>())
        {
            var bench = new ChildPageBenchmarks { Case = @case };
            await TimeAsync($"ChildPage {@case}", bench.Setup, bench.IterationSetup, bench.ChildPage, bench.IterationCleanup);
        }

        foreach (var @case in Enum.GetValues<SearchCase>())
        {
            foreach (var viewer in Enum.GetValues<Viewer>())
            {
                var bench = new PersonSearchBenchmarks { Case = @case, Viewer = viewer };
                await TimeAsync($"Search {@case} as {viewer}", bench.Setup, bench.IterationSetup, bench.Search, bench.IterationCleanup);
            }
        }

        foreach (var @case in Enum.GetValues<InboxCase>())
        {
            var bench = new InboxBenchmarks { Case = @case };
            await TimeAsync($"Inbox {@case}", bench.Setup, bench.IterationSetup, bench.Inbox, bench.IterationCleanup);
        }

        var compliance = new ComplianceBenchmarks();
        await TimeAsync("ComplianceList", compliance.Setup, compliance.IterationSetup, compliance.List, compliance.IterationCleanup);
        await TimeAsync("ComplianceOnTime", compliance.Setup, compliance.IterationSetup, compliance.OnTime, compliance.IterationCleanup);
        await TimeAsync("ComplianceListAfresh", compliance.Setup, compliance.IterationSetupAfresh, compliance.ListCountingAfresh,
            compliance.IterationCleanup);

        foreach (var shown in new[] { 50, 200 })
        {
            var matching = new PlacementRequestBenchmarks { Shown = shown };
            await TimeAsync($"PlacementMatches top {shown}", matching.Setup, matching.IterationSetup, () => matching.Matches(),
                matching.IterationCleanup);
        }

        // The sweep's own writes bypass EF Core's command log (RowWriter): this prints its reads and its time.
        var sweep = new EscalationSweepBenchmarks();
        await TimeAsync("EscalationSweep", sweep.Setup, sweep.IterationSetup, sweep.Sweep, sweep.IterationCleanup);

        var overdue = new OverdueActionsBenchmarks();
        await TimeAsync("OverdueActions", overdue.Setup, overdue.IterationSetup, overdue.List, overdue.IterationCleanup);
        var meetings = new MeetingSweepBenchmarks { Case = MeetingSweepCase.FirstRun };
        await TimeAsync("MeetingSweep", meetings.Setup, meetings.IterationSetup, meetings.Sweep, meetings.IterationCleanup);
        return 0;

        async Task TimeAsync(string name, Action setup, Action begin, Func<Task> call, Action end)
        {
            if (options.Rest.Length > 0 && !options.Rest.Any(r => name.Contains(r, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            Console.WriteLine($"==== {name}");
            setup();
            for (var i = 0; i < options.Number("--repeat", 1); i++)
            {
                begin();
                var watch = Stopwatch.StartNew();
                await call();
                watch.Stop();
                end();
                Console.WriteLine($"==== {name}: {watch.Elapsed.TotalMilliseconds:F2} ms");
            }
        }
    }
}
