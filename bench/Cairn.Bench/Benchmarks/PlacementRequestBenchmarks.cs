using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Cairn.Bench.Generation;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Data;
using Cairn.Web.Features;
using Cairn.Web.Features.Placements;
using Cairn.Web.Features.Placements.Referrals.MatchReferral;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

/// <summary>What the placement request benchmarks need: the referral generate-placements made and the child's social worker.</summary>
internal sealed class PlacementRequestFixture
{
    private static readonly Lock Gate = new();
    private static Task<PlacementRequestFixture>? _shared;

    private PlacementRequestFixture(BenchFixture bench) => Bench = bench;

    public BenchFixture Bench { get; }
    public PlacementReferralId Referral { get; private set; }
    public ClaimsPrincipal SocialWorker { get; private set; } = null!;
    public string Generated { get; private set; } = "";

    public static PlacementRequestFixture Shared()
    {
        var bench = BenchFixture.Shared();
        lock (Gate)
        {
            _shared ??= OpenAsync(bench);
        }

        return _shared.GetAwaiter().GetResult();
    }

    private static async Task<PlacementRequestFixture> OpenAsync(BenchFixture bench)
    {
        var fixture = new PlacementRequestFixture(bench);
        await using var scope = bench.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var detail = await db.AuditEntries.AsNoTracking().Where(a => a.Action == PlacementsGenerator.MarkerAction).Select(a => a.Detail)
                         .FirstOrDefaultAsync()
                     ?? throw new InvalidOperationException("No placement register in the benchmark database: run generate-placements first.");
        fixture.Generated = detail;
        var values = detail.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        fixture.Referral = new PlacementReferralId(Guid.Parse(values["referral"], CultureInfo.InvariantCulture));
        var child = await db.PlacementReferrals.AsNoTracking().Where(r => r.Id == fixture.Referral).Select(r => r.ChildId).SingleAsync();
        var worker = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == child && i.Role == InvolvementRole.AllocatedSocialWorker && i.EndedOn == null)
            .Select(i => i.ProfessionalId).FirstAsync();
        fixture.SocialWorker = await BenchFixture.PrincipalAsync(db, await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == worker));
        return fixture;
    }
}

/// <summary>
/// Issue #15's target, as a request: <see cref="MatchReferralHandler.HandleAsync"/> (what <c>/placement-referrals/{id}/matches</c> and
/// its API call) for the referral <c>generate-placements</c> made, as the child's allocated social worker: the access decision, the
/// referral, the child's dangers with their locations (200), every setting on the register (5,000) with its current residents and
/// their latest referrals, who of them the viewer may name, the ranking with every option's explanation, the audit entry, and the
/// options shown (50 by default, 200 at most) with every line's text. Target: p95 ≤ 20 ms on SQLite.
/// </summary>
[Config(typeof(LatencyConfig))]
public class PlacementRequestBenchmarks
{
    private PlacementRequestFixture _fixture = null!;
    private IServiceScope _request = null!;
    private MatchReferralHandler _handler = null!;

    [Params(50, 200)]
    public int Shown { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = PlacementRequestFixture.Shared();
        Handled<MatchView> handled = default!;
        for (var i = 0; i < 30; i++)
        {
            IterationSetup();
            handled = Matches().GetAwaiter().GetResult();
            IterationCleanup();
        }

        if (!handled.IsDone || handled.Value!.Options.Count == 0 || !handled.Value.Options.Any(o => o.Dangers.Count > 0))
        {
            throw new InvalidOperationException("The referral should have options, some near a danger: was generate-placements run?");
        }

        var view = handled.Value;
        Console.WriteLine($"// {_fixture.Generated}: {view.OptionsInAll:N0} options ({view.Options.Count} shown, "
                          + $"{view.Options.Count(o => o.Dangers.Count > 0)} of them near a danger, {view.Options.Count(o => o.Conflicts.Count > 0)} "
                          + $"with a conflict, {view.Options.Sum(o => o.Lines.Count):N0} lines); {view.Excluded}");
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.Bench.BeginRequest(_fixture.SocialWorker);
        _handler = _request.ServiceProvider.GetRequiredService<MatchReferralHandler>();
    }

    /// <summary>Forgets the kept register and referral risks, so the next call reads everything, as the first after a change does.</summary>
    [IterationSetup(Target = nameof(MatchesAfresh))]
    public void IterationSetupAfresh()
    {
        IterationSetup();
        _request.ServiceProvider.GetRequiredService<PlacementMatchCache>().Clear();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    /// <summary>The request as nearly every one runs: the register and the residents' referral risks kept since the last change.</summary>
    [Benchmark]
    public Task<Handled<MatchView>> Matches() => _handler.HandleAsync(_fixture.Referral, Shown, CancellationToken.None);

    /// <summary>The request with nothing kept (<see cref="PlacementMatchCache"/>): every setting and every referral read and parsed.</summary>
    [Benchmark]
    public Task<Handled<MatchView>> MatchesAfresh() => Matches();
}
