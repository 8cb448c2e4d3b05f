using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Cairn.Bench.Generation;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Casework.ViewMap;
using Cairn.Web.Features.Plans.OverdueActions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

/// <summary>
/// What the casework benchmarks need from the database <c>generate-casework</c> filled: a child of the 40-worker team with
/// its 5 plans and 10 assessments, that child's allocated social worker, and the team's manager.
/// </summary>
internal sealed class CaseworkFixture
{
    private static readonly Lock Gate = new();
    private static Task<CaseworkFixture>? _shared;

    private CaseworkFixture(BenchFixture bench) => Bench = bench;

    public BenchFixture Bench { get; }
    public PersonId Child { get; private set; }
    public ClaimsPrincipal Worker { get; private set; } = null!;
    public ClaimsPrincipal Manager { get; private set; } = null!;

    public static CaseworkFixture Shared()
    {
        var bench = BenchFixture.Shared();
        lock (Gate)
        {
            _shared ??= OpenAsync(bench);
        }

        return _shared.GetAwaiter().GetResult();
    }

    private static async Task<CaseworkFixture> OpenAsync(BenchFixture bench)
    {
        var fixture = new CaseworkFixture(bench);
        await using var scope = bench.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Name == CaseworkGenerator.TeamName)
                   ?? throw new InvalidOperationException("No casework in the benchmark database: run generate-casework first.");
        var manager = await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == team.ManagerId);
        var worker = await db.Professionals.AsNoTracking().Where(p => p.TeamId == team.Id && (p.Roles & Role.TeamManager) == 0)
            .OrderBy(p => p.Email).FirstAsync();
        fixture.Child = await db.Involvements.AsNoTracking()
            .Where(i => i.ProfessionalId == worker.Id && i.Role == InvolvementRole.AllocatedSocialWorker).Select(i => i.ChildId).FirstAsync();
        fixture.Worker = await BenchFixture.PrincipalAsync(db, worker);
        fixture.Manager = await BenchFixture.PrincipalAsync(db, manager);
        return fixture;
    }
}

/// <summary>
/// The plans-and-assessments map (<see cref="ViewMapHandler.HandleAsync"/>, as its page and API call it) for a child with 5 plans
/// and 10 assessments, viewed by their allocated social worker; each call includes the access check and the audit entry it writes.
/// Target (issue #13): p95 ≤ 15 ms on SQLite.
/// </summary>
[Config(typeof(LatencyConfig))]
public class CaseworkMapBenchmarks
{
    private CaseworkFixture _fixture = null!;
    private IServiceScope _request = null!;
    private ViewMapHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = CaseworkFixture.Shared();
        IterationSetup();
        var map = Map().GetAwaiter().GetResult() ?? throw new InvalidOperationException("The social worker cannot see the child.");
        IterationCleanup();
        if (map.Plans.Count < 5 || map.Assessments.Count < 10)
        {
            throw new InvalidOperationException($"The child has {map.Plans.Count} plans and {map.Assessments.Count} assessments: expected 5 and 10.");
        }
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.Bench.BeginRequest(_fixture.Worker);
        _handler = _request.ServiceProvider.GetRequiredService<ViewMapHandler>();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public Task<CaseworkMap?> Map() => _handler.HandleAsync(_fixture.Child, CancellationToken.None);
}

/// <summary>
/// "My overdue actions" (<see cref="OverdueActionsHandler.HandleAsync"/>, as its page and API call it) for the manager of the
/// 40-worker team: their own and every team member's overdue plan actions, each child audited as read.
/// Target (issue #13): p95 ≤ 15 ms on SQLite.
/// </summary>
[Config(typeof(LatencyConfig))]
public class OverdueActionsBenchmarks
{
    private CaseworkFixture _fixture = null!;
    private IServiceScope _request = null!;
    private OverdueActionsHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = CaseworkFixture.Shared();
        IterationSetup();
        var rows = List().GetAwaiter().GetResult();
        IterationCleanup();
        if (rows.Total == 0)
        {
            throw new InvalidOperationException("The manager's overdue list is empty: the casework was not generated.");
        }

        Console.WriteLine($"// The manager's overdue list holds {rows.Total} actions.");
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.Bench.BeginRequest(_fixture.Manager);
        _handler = _request.ServiceProvider.GetRequiredService<OverdueActionsHandler>();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public Task<OverdueActionsPage> List() => _handler.HandleAsync(1, CancellationToken.None);
}

/// <summary>
/// The audit write of one page of the manager's overdue list alone, both ways, for the same children: one tracked entry per
/// child saved through <c>SaveChangesAsync</c> (as the list did before), and one multi-row INSERT on the end of the chain
/// (<see cref="AuditLog.RecordReadsAsync"/>, as it does now). Each call appends to the chain, as a request does.
/// </summary>
[Config(typeof(LatencyConfig))]
public class OverdueAuditBenchmarks
{
    private CaseworkFixture _fixture = null!;
    private IServiceScope _request = null!;
    private AuditLog _audit = null!;
    private CairnDbContext _db = null!;
    private List<PersonId> _children = [];

    [GlobalSetup]
    public void Setup()
    {
        _fixture = CaseworkFixture.Shared();
        IterationSetup();
        _children = _request.ServiceProvider.GetRequiredService<OverdueActionsHandler>().HandleAsync(1, CancellationToken.None)
            .GetAwaiter().GetResult().Items.Select(i => i.ChildId).Distinct().ToList();
        IterationCleanup();
        Console.WriteLine($"// One page of the manager's overdue list names {_children.Count} children.");
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.Bench.BeginRequest(_fixture.Manager);
        _audit = _request.ServiceProvider.GetRequiredService<AuditLog>();
        _db = _request.ServiceProvider.GetRequiredService<CairnDbContext>();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> TrackedEntries()
    {
        foreach (var child in _children)
        {
            _audit.Record("plan-action.overdue.list", child, "person", child.Value, "allowed");
        }

        return await _db.SaveChangesAsync(CancellationToken.None);
    }

    [Benchmark]
    public Task OneInsert() => _audit.RecordReadsAsync("plan-action.overdue.list", _children, null, CancellationToken.None);
}
