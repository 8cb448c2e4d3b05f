using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Cairn.Web.Tests.Infrastructure.LongestFirst", "Cairn.Web.Tests")]

namespace Cairn.Web.Tests.Infrastructure;

/// <summary>
/// Starts the long test classes first: the browser journeys (a minute or more each) and the architecture scan. Started in
/// xUnit's default order, a journey could begin near the end of the run and leave the other cores idle while it finished;
/// started first, the short classes fill in around them.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) => collection.DisplayName switch
    {
        var name when name.Contains(".Browser.", StringComparison.Ordinal) => 0,
        var name when name.Contains(".Architecture.", StringComparison.Ordinal) => 1,
        _ => 2,
    };
}
