using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace Cairn.Bench.Benchmarks;

/// <summary>
/// One handler call per iteration, so every measurement is one request and P95 is the 95th percentile of
/// request times. Outliers are kept: the slow tail is what the target is about. In process, so the database
/// and the service provider are opened once and no project is generated and rebuilt per benchmark.
/// </summary>
internal sealed class LatencyConfig : ManualConfig
{
    public const int Iterations = 300;

    public LatencyConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithGcServer(true)
            .WithLaunchCount(1)
            .WithWarmupCount(60)
            .WithIterationCount(Iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("PerRequest"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));
    }
}
