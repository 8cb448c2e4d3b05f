using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Cairn.Domain.Agencies;
using Cairn.Web.Data;
using Cairn.Web.Features;
using Cairn.Web.Features.Compliance;
using Cairn.Web.Features.Compliance.ViewCompliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

/// <summary>What the compliance benchmarks need: the area's safeguarding lead, in a database with meetings (generate-meetings).</summary>
internal sealed class ComplianceFixture
{
    private static readonly Lock Gate = new();
    private static Task<ComplianceFixture>? _shared;

    private ComplianceFixture(BenchFixture bench) => Bench = bench;

    public BenchFixture Bench { get; }
    public ClaimsPrincipal Lead { get; private set; } = null!;

    public static ComplianceFixture Shared()
    {
        var bench = BenchFixture.Shared();
        lock (Gate)
        {
            _shared ??= OpenAsync(bench);
        }

        return _shared.GetAwaiter().GetResult();
    }

    private static async Task<ComplianceFixture> OpenAsync(BenchFixture bench)
    {
        var fixture = new ComplianceFixture(bench);
        await using var scope = bench.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        if (!await db.Meetings.AnyAsync())
        {
            throw new InvalidOperationException("No meetings in the benchmark database: run generate-meetings first.");
        }

        var lead = await db.Professionals.AsNoTracking()
            .Where(p => (p.Roles & Role.SafeguardingLead) != 0
                        && db.Agencies.Any(a => a.Id == p.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare))
            .OrderBy(p => p.Email).FirstAsync();
        fixture.Lead = await BenchFixture.PrincipalAsync(db, lead);
        return fixture;
    }
}

/// <summary>
/// The area's compliance list (<see cref="ViewComplianceHandler.StepsAsync"/>, as <c>/compliance</c> and its API call it), first
/// page, as the area's safeguarding lead: the counts of every kind of step due and overdue, the oldest 25, their names, and the
/// audit of each child on the page (once a day per viewer). <see cref="OnTime"/> is the chart's data, which the page also reads.
/// Target (issue #14): p95 ≤ 50 ms on SQLite for the list.
/// </summary>
[Config(typeof(LatencyConfig))]
public class ComplianceBenchmarks
{
    private ComplianceFixture _fixture = null!;
    private IServiceScope _request = null!;
    private ViewComplianceHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = ComplianceFixture.Shared();
        IterationSetup();
        var page = List().GetAwaiter().GetResult();
        IterationCleanup();
        if (!page.IsDone || page.Value!.Total == 0)
        {
            throw new InvalidOperationException("The area's compliance list is empty: the meetings were not generated.");
        }

        Console.WriteLine($"// The area's compliance list holds {page.Value.Total:N0} steps: "
                          + string.Join(", ", page.Value.Counts.Select(c => $"{c.Name} {c.Overdue:N0} overdue, {c.Due:N0} due")));
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.Bench.BeginRequest(_fixture.Lead);
        _handler = _request.ServiceProvider.GetRequiredService<ViewComplianceHandler>();
    }

    /// <summary>Forgets the area's kept counts and rates, so the next call counts afresh, as the first look in a minute does.</summary>
    [IterationSetup(Targets = [nameof(ListCountingAfresh), nameof(OnTimeCountingAfresh)])]
    public void IterationSetupAfresh()
    {
        IterationSetup();
        _request.ServiceProvider.GetRequiredService<ComplianceCounts>().Clear();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public Task<Handled<CompliancePage>> List() => _handler.StepsAsync(new ComplianceQuery(null, null, 1), CancellationToken.None);

    [Benchmark]
    public Task<Handled<Cairn.Web.Features.Compliance.OnTimeRates>> OnTime() => _handler.OnTimeAsync(null, CancellationToken.None);

    /// <summary>The list with nothing kept (<see cref="ComplianceCounts"/>): every count read from the database.</summary>
    [Benchmark]
    public Task<Handled<CompliancePage>> ListCountingAfresh() => List();

    /// <summary>The chart's data with nothing kept.</summary>
    [Benchmark]
    public Task<Handled<Cairn.Web.Features.Compliance.OnTimeRates>> OnTimeCountingAfresh() => OnTime();
}
