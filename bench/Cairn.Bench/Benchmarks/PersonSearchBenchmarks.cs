using BenchmarkDotNet.Attributes;
using Cairn.Web.Features;
using Cairn.Web.Features.People;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Bench.Benchmarks;

public enum SearchCase
{
    /// <summary>Given and family name, each with a slip of the keyboard.</summary>
    TypoName,
    /// <summary>A common family name alone: the most candidates a name search scores.</summary>
    FamilyNameOnly,
    DateOfBirth,
    NhsNumber,
    Postcode,
}

public enum Viewer
{
    /// <summary>Need-to-know: sees the children they work with and those children's adults.</summary>
    SocialWorker,
    /// <summary>Area-wide reach: every person in the area.</summary>
    FrontDoor,
}

/// <summary>Person search through <see cref="FindPersonHandler"/>, as <c>/people</c> and the API call it, audit entry included.</summary>
[Config(typeof(LatencyConfig))]
public class PersonSearchBenchmarks
{
    private BenchFixture _fixture = null!;
    private FindPersonQuery _query = null!;
    private IServiceScope _request = null!;
    private FindPersonHandler _handler = null!;

    [ParamsAllValues]
    public SearchCase Case { get; set; }

    [ParamsAllValues]
    public Viewer Viewer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BenchFixture.Shared();
        _query = Case switch
        {
            SearchCase.TypoName => _fixture.TypoName,
            SearchCase.FamilyNameOnly => _fixture.FamilyNameOnly,
            SearchCase.DateOfBirth => _fixture.DateOfBirth,
            SearchCase.NhsNumber => _fixture.NhsNumber,
            SearchCase.Postcode => _fixture.Postcode,
            _ => throw new ArgumentOutOfRangeException(nameof(Case)),
        };

        IterationSetup();
        var outcome = Search().GetAwaiter().GetResult();
        IterationCleanup();
        if (outcome.Value is not { } found || !found.People.Any(p => p.Id == _fixture.Child) && !(Case == SearchCase.FamilyNameOnly && found.MoreNotShown))
        {
            throw new InvalidOperationException($"{Case} as {Viewer} did not find the child ({outcome.Value?.People.Count} found).");
        }
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _request = _fixture.BeginRequest(Viewer == Viewer.FrontDoor ? _fixture.FrontDoor : _fixture.SocialWorker);
        _handler = _request.ServiceProvider.GetRequiredService<FindPersonHandler>();
    }

    [IterationCleanup]
    public void IterationCleanup() => _request.Dispose();

    [Benchmark]
    public Task<Handled<FoundPeople>> Search() => _handler.HandleAsync(_query, CancellationToken.None);
}
