using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Cairn.Domain.Shares;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Features.Shares;
using Cairn.Web.Features.Shares.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perfolizer.Mathematics.OutlierDetection;

namespace Cairn.Bench.Benchmarks;

/// <summary>
/// One sweep per iteration, fewer iterations: each writes thousands of rows and is then undone (see <see cref="EscalationSweepBenchmarks"/>).
/// </summary>
internal sealed class SweepConfig : ManualConfig
{
    public SweepConfig()
    {
        AddJob(Job.Default
            // The default in-process time limit (five minutes) is too short for 23 sweeps and their clean-ups.
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithGcServer(true)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("PerSweep"));
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P50, BenchmarkDotNet.Columns.StatisticColumn.P95, BenchmarkDotNet.Columns.StatisticColumn.Max);
    }
}

/// <summary>
/// <see cref="ShareSweep.RunAsync"/> through DI, as the background worker runs it, at the sweep time the
/// generator recorded: every due share climbs one rung, with its event and notifications, committed batch by batch.
/// The sweep commits, so it cannot be rolled back; instead, before anything is measured the due shares' rows are
/// copied to a side table, and after each iteration (outside the measured region) they are written back, the
/// events and notifications the sweep added are deleted and the WAL is checkpointed, so every iteration starts
/// from the same rows. Each iteration checks the sweep escalated exactly the due shares.
/// </summary>
[Config(typeof(SweepConfig))]
public class EscalationSweepBenchmarks
{
    private const string Holder = "bench";
    private const string Snapshot = "BenchSweepBefore";
    private const string LastEvent = "BenchSweepBeforeEvents";
    private FollowThroughFixture _fixture = null!;
    private IServiceScope _scope = null!;
    private ShareSweep _sweep = null!;
    private long _lastEvent;
    private SweepResult? _result;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = FollowThroughFixture.Shared();
        using (var scope = _fixture.Bench.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
            var exists = db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{LastEvent}'").AsEnumerable().Single() == 1;
            if (!exists)
            {
                var at = _fixture.SweepAt;
                var due = db.Shares.Count(s => s.NextEscalationAt != null && s.NextEscalationAt <= at);
                if (due != _fixture.Due)
                {
                    throw new InvalidOperationException($"{due} shares are due at {at:O}, expected {_fixture.Due}: regenerate the shares.");
                }

                // The sweep time as EF Core writes it (a DbParameter would be bound in another text form).
                var literal = db.Model.FindEntityType(typeof(Share))!.FindProperty(nameof(Share.NextEscalationAt))!.GetRelationalTypeMapping().GenerateSqlLiteral(at);
                using var transaction = db.Database.BeginTransaction();
                db.Database.ExecuteSqlRaw($"DROP TABLE IF EXISTS \"{Snapshot}\"");
#pragma warning disable EF1002, EF1003 // a literal made by the model's own type mapping
                db.Database.ExecuteSqlRaw($"CREATE TABLE \"{Snapshot}\" AS SELECT * FROM \"Shares\" WHERE \"NextEscalationAt\" IS NOT NULL AND \"NextEscalationAt\" <= {literal}");
#pragma warning restore EF1002, EF1003
                var copied = db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{Snapshot}\"").AsEnumerable().Single();
                if (copied != due)
                {
                    throw new InvalidOperationException($"Copied {copied} shares, expected {due}.");
                }

                db.Database.ExecuteSqlRaw($"CREATE TABLE \"{LastEvent}\" AS SELECT MAX(\"Id\") AS \"Id\" FROM \"ShareEvents\"");
                transaction.Commit();
            }

            _lastEvent = db.Database.SqlQueryRaw<long>($"SELECT \"Id\" AS \"Value\" FROM \"{LastEvent}\"").AsEnumerable().Single();
        }

        // The side tables are kept, so a run that was stopped part way (after a sweep, before its clean-up) starts
        // again from the same rows.
        Restore();

        // One sweep outside the measurements: checks the whole cycle and creates the lease row, as a running app has.
        IterationSetup();
        Sweep().GetAwaiter().GetResult();
        IterationCleanup();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _scope = _fixture.Bench.App.Services.CreateScope();
        _sweep = _scope.ServiceProvider.GetRequiredService<ShareSweep>();
        _result = null;
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        _scope.Dispose();
        if (_result is not { HeldLease: true } result || result.Escalated != _fixture.Due || result.Conflicts != 0)
        {
            throw new InvalidOperationException($"The sweep did not escalate exactly the {_fixture.Due} due shares: {_result}.");
        }

        Restore();
    }

    [Benchmark]
    public async Task<SweepResult> Sweep() => _result = await _sweep.RunAsync(_fixture.SweepAt, Holder);

    private void Restore()
    {
        using var scope = _fixture.Bench.App.Services.CreateScope();
        // The background checkpointer waits while the rows are put back and the log emptied here, so the next sweep
        // starts, as one a minute after the last would, with nothing left to copy and no checkpoint still running.
        using var hold = scope.ServiceProvider.GetService<SqliteCheckpointer>()?.Defer();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        // The model's columns that the side table has (one copied by an older build lacks those added since, which
        // the sweep does not change anyway).
        var copied = db.Database.SqlQueryRaw<string>($"SELECT name AS \"Value\" FROM pragma_table_info('{Snapshot}')").AsEnumerable().ToHashSet();
        var columns = db.Model.FindEntityType(typeof(Share))!.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.GetColumnName())
            .Where(copied.Contains).ToList();
        using var transaction = db.Database.BeginTransaction();
        // Column names from the model and a constant table name: nothing here comes from outside. One join by key,
        // not a lookup per row.
#pragma warning disable EF1002, EF1003
        db.Database.ExecuteSqlRaw($"UPDATE \"Shares\" SET ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) = " +
                                  $"({string.Join(", ", columns.Select(c => $"b.\"{c}\""))}) FROM \"{Snapshot}\" b WHERE b.\"Id\" = \"Shares\".\"Id\"");
#pragma warning restore EF1002, EF1003
        var last = _lastEvent;
        db.ShareEvents.Where(e => e.Id > last).ExecuteDelete();
        var at = _fixture.SweepAt;
        db.Notifications.Where(n => n.Kind == "share.escalated" && n.CreatedAt == at).ExecuteDelete();
        transaction.Commit();
        db.Database.OpenConnection();
        using var checkpoint = db.Database.GetDbConnection().CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        var busy = Convert.ToInt64(checkpoint.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        db.Database.CloseConnection();
        if (busy != 0)
        {
            throw new InvalidOperationException("The write-ahead log could not be emptied between sweeps.");
        }
    }
}

public enum InboxCase
{
    /// <summary>A front door (MASH) worker's team box: the busiest team.</summary>
    FrontDoorTeam,
    /// <summary>The professional with the most open shares named to them: their own box.</summary>
    NamedMe,
    /// <summary>The professional with the most open shares sent: what they sent that is not yet done.</summary>
    Sent,
    /// <summary>The header's counts, on every page, for the front door worker.</summary>
    HeaderCounts,
}

/// <summary>The inbox page's handler (<see cref="InboxHandler.HandleAsync"/>, counts and audit entry included) and the header counts.</summary>
[Config(typeof(LatencyConfig))]
public class InboxBenchmarks
{
    private FollowThroughFixture _fixture = null!;
    private IServiceScope _request = null!;

    [ParamsAllValues]
    public InboxCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = FollowThroughFixture.Shared();
        IterationSetup();
        var result = Inbox().GetAwaiter().GetResult();
        IterationCleanup();
        var empty = result switch
        {
            InboxView view => view.Items.Count == 0,
            HeaderCounts counts => counts.Shares == 0,
            _ => true,
        };
        if (empty)
        {
            throw new InvalidOperationException($"{Case}: nothing to show.");
        }
    }

    [IterationSetup]
    public void IterationSetup() => _request = _fixture.Bench.BeginRequest(Case switch
    {
        InboxCase.NamedMe => _fixture.Named,
        InboxCase.Sent => _fixture.Sender,
        _ => _fixture.FrontDoor,
    });

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public async Task<object> Inbox() => Case switch
    {
        InboxCase.FrontDoorTeam => await _request.ServiceProvider.GetRequiredService<InboxHandler>().HandleAsync(InboxBox.Team, CancellationToken.None),
        InboxCase.NamedMe => await _request.ServiceProvider.GetRequiredService<InboxHandler>().HandleAsync(InboxBox.Me, CancellationToken.None),
        InboxCase.Sent => await _request.ServiceProvider.GetRequiredService<InboxHandler>().HandleAsync(InboxBox.Sent, CancellationToken.None),
        _ => await _request.ServiceProvider.GetRequiredService<HeaderCountsHandler>().HandleAsync(CancellationToken.None),
    };
}
