using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Cairn.Bench.Benchmarks;
using Cairn.Web.Features.Casework.ViewMap;
using Cairn.Web.Features.Compliance.ViewCompliance;
using Cairn.Web.Features.Plans.OverdueActions;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench;

/// <summary>
/// Latency under concurrency: each case is run by 1, 2, 4 and 8 callers at once for a few seconds, each call a fresh request
/// scope with a signed-in principal (as the server runs it), and the p50, p95 and throughput are printed. A fast query behind
/// a lock shows here as a p95 that grows with the callers while the throughput stays flat.
/// </summary>
internal static class LoadRunner
{
    public static async Task<int> RunAsync(BenchOptions options, string[] words)
    {
        BenchFixture.Use(options.Database, logSql: false);
        var seconds = options.Number("--seconds", 8);
        var casework = CaseworkFixture.Shared();
        var cases = new List<(string Name, ClaimsPrincipal User, Func<IServiceProvider, Task> Call)>
        {
            ("casework map", casework.Worker, s => s.GetRequiredService<ViewMapHandler>().HandleAsync(casework.Child, CancellationToken.None)),
            ("overdue actions, manager", casework.Manager, s => s.GetRequiredService<OverdueActionsHandler>().HandleAsync(1, CancellationToken.None)),
        };
        if (words.Length == 0 || words.Any(w => "compliance".Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            var compliance = ComplianceFixture.Shared();
            cases.Add(("compliance list, lead", compliance.Lead,
                s => s.GetRequiredService<ViewComplianceHandler>().StepsAsync(new ComplianceQuery(null, null, 1), CancellationToken.None)));
        }

        Console.WriteLine($"{Environment.ProcessorCount} processors; {seconds} s per run");
        Console.WriteLine("case                     callers   requests     p50 ms     p95 ms    per second");
        var picked = cases.Where(c => words.Length == 0 || words.Any(w => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase)));
        foreach (var (name, user, call) in picked)
        {
            foreach (var callers in new[] { 1, 2, 4, 8 })
            {
                var timings = new List<double>[callers];
                var until = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
                {
                    timings[i] = [];
                    while (until.Elapsed < TimeSpan.FromSeconds(seconds))
                    {
                        var watch = Stopwatch.StartNew();
                        using (var request = casework.Bench.BeginRequest(user))
                        {
                            await call(request.ServiceProvider);
                        }

                        timings[i].Add(watch.Elapsed.TotalMilliseconds);
                    }
                })));
                var all = timings.SelectMany(t => t).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-24} {callers,7} {all.Count,10} {all[all.Count / 2],10:F1} {all[(int)(all.Count * 0.95)],10:F1} "
                    + $"{all.Count / (double)seconds,13:F0}"));
            }
        }

        return 0;
    }
}
