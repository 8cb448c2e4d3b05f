using BenchmarkDotNet.Attributes;
using Cairn.Domain.Chronology;
using Cairn.Web.Features.Children.ViewChild;
using Cairn.Web.Features.Chronology;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

public enum ChronologyCase
{
    /// <summary>The page as first opened: newest 25 of the child's entries.</summary>
    FirstPage,
    /// <summary>Only the child's GP practice's entries.</summary>
    Agency,
    Category,
    SignificantOrCritical,
    LastTwelveMonths,
    /// <summary>With the significant events of the rest of the household.</summary>
    Household,
    /// <summary>The oldest page: the whole range is read to reach it.</summary>
    LastPage,
}

/// <summary>
/// The child page (<see cref="ViewChildHandler.HandleAsync"/>, exactly as the Razor page calls it) and the
/// chronology alone (<see cref="ViewChildHandler.HandleChronologyAsync"/>, for the API and paging), for the
/// child with the most entries, viewed by their allocated social worker. Each call includes the access check
/// and the audit entry it writes.
/// </summary>
[Config(typeof(LatencyConfig))]
public class ChildPageBenchmarks
{
    private BenchFixture _fixture = null!;
    private ChronologyFilter _filter = null!;
    private IServiceScope _request = null!;
    private ViewChildHandler _handler = null!;

    [ParamsAllValues]
    public ChronologyCase Case { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BenchFixture.Shared();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        _filter = Case switch
        {
            ChronologyCase.FirstPage => new ChronologyFilter(),
            ChronologyCase.Agency => new ChronologyFilter(Agency: _fixture.ChildGpPractice),
            ChronologyCase.Category => new ChronologyFilter(Category: ChronologyCategory.Police),
            ChronologyCase.SignificantOrCritical => new ChronologyFilter(MinimumSignificance: Significance.Significant),
            ChronologyCase.LastTwelveMonths => new ChronologyFilter(From: today.AddYears(-1), To: today),
            ChronologyCase.Household => new ChronologyFilter(IncludeHousehold: true),
            ChronologyCase.LastPage => new ChronologyFilter(Page: int.MaxValue),
            _ => throw new ArgumentOutOfRangeException(nameof(Case)),
        };

        // Fail loudly rather than measure a refusal or an empty page.
        IterationSetup();
        var page = ChildPage().GetAwaiter().GetResult() ?? throw new InvalidOperationException("The social worker cannot see the child.");
        IterationCleanup();
        if (page.Chronology.Items.Count == 0 || (Case == ChronologyCase.FirstPage && page.Chronology.Total != _fixture.ChildEntries))
        {
            throw new InvalidOperationException($"{Case}: {page.Chronology.Total} entries, expected {_fixture.ChildEntries} unfiltered.");
        }
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.BeginRequest(_fixture.SocialWorker);
        _handler = _request.ServiceProvider.GetRequiredService<ViewChildHandler>();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public Task<ChildPage?> ChildPage() => _handler.HandleAsync(_fixture.Child, _filter, CancellationToken.None);

    [Benchmark]
    public Task<ChronologyPage?> ChronologyOnly() => _handler.HandleChronologyAsync(_fixture.Child, _filter, CancellationToken.None);
}
