using BenchmarkDotNet.Attributes;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

public enum MeetingSweepCase
{
    /// <summary>Nothing was ever scheduled: every child on a plan or looked after, and every enquiry at continuing risk, gets its meeting.</summary>
    FirstRun,
    /// <summary>A sweep a minute after the last: the set-based queries over the whole area find nothing missing.</summary>
    SteadyState,
}

/// <summary>
/// The meeting sweep's scheduling catch-up (<see cref="MeetingSweep.ScheduleMissingAsync"/>, through DI as the background
/// worker runs it) over the whole generated area: 100,000 people, every child with a current legal status. Target (issue #14):
/// ≤ 2 s on SQLite. Each iteration runs in a transaction on the sweep's own context that is rolled back afterwards (outside
/// the measured region), so the database (and every other benchmark's figures) is left as generated; <c>SteadyState</c> runs
/// one unmeasured sweep in the same transaction first. Each iteration checks what was scheduled: the same number every time
/// for a first run, none for a steady state.
/// </summary>
[Config(typeof(SweepConfig))]
public class MeetingSweepBenchmarks
{
    private BenchFixture _bench = null!;
    private IServiceScope _scope = null!;
    private IDbContextTransaction _transaction = null!;
    private MeetingSweep _sweep = null!;
    private DateTimeOffset _now;
    private int _firstRun;
    private int? _scheduled;

    [ParamsAllValues]
    public MeetingSweepCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bench = BenchFixture.Shared();
        _now = DateTimeOffset.UtcNow;
        using (var scope = _bench.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
            var children = db.People.Count(p => p.Kind == PersonKind.Child);
            var statuses = db.LegalStatuses.Count(s => s.To == null);
            var meetings = db.Meetings.Count(m => m.Status == MeetingStatus.Scheduled);
            var sweep = scope.ServiceProvider.GetRequiredService<MeetingSweep>();
            var missing = sweep.MissingAsync(_now, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"// {children:N0} children, {statuses:N0} with a current legal status, {meetings:N0} meetings scheduled already, "
                              + $"{missing.Count:N0} missing.");
        }

        // One iteration outside the measurements: learns what a first run schedules, and checks the whole cycle.
        IterationSetup();
        Sweep().GetAwaiter().GetResult();
        _firstRun = Case == MeetingSweepCase.FirstRun ? _scheduled!.Value : 0;
        IterationCleanup();
        Console.WriteLine($"// This case's sweep schedules {_firstRun:N0} meetings.");
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _scope = _bench.App.Services.CreateScope();
        _transaction = _scope.ServiceProvider.GetRequiredService<CairnDbContext>().Database.BeginTransaction();
        _sweep = _scope.ServiceProvider.GetRequiredService<MeetingSweep>();
        _scheduled = null;
        if (Case == MeetingSweepCase.SteadyState)
        {
            _sweep.ScheduleMissingAsync(_now).GetAwaiter().GetResult();
        }
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        _transaction.Rollback();
        _transaction.Dispose();
        _scope.Dispose();
        if (_scheduled != _firstRun)
        {
            throw new InvalidOperationException($"The sweep scheduled {_scheduled} meetings, expected {_firstRun}.");
        }
    }

    [Benchmark]
    public async Task<int> Sweep() => (_scheduled = await _sweep.ScheduleMissingAsync(_now)).Value;
}
