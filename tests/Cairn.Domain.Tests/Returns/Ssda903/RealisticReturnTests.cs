using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>The realistic return built by the episode builder passes every implemented rule, with and without last year's.</summary>
public sealed class RealisticReturnTests
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void The_built_return_passes_every_implemented_rule(int endingYear)
    {
        var year = CollectionYear.Ending(endingYear);
        var current = Ssda903Examples.Return(year);

        Assert.Empty(Describe(Ssda903Validation.Validate(current)));
        Assert.Empty(Describe(Ssda903Validation.Validate(current, Ssda903Examples.Return(year.Previous))));
    }

    [Fact]
    public void Every_table_the_children_give_rows_to_has_rows()
    {
        var ssda903 = Ssda903Examples.Return();
        foreach (var table in new[]
                 {
                     Ssda903Layout.Header, Ssda903Layout.Episodes, Ssda903Layout.Reviews, Ssda903Layout.Oc2, Ssda903Layout.Oc3,
                     Ssda903Layout.PrevPerm, Ssda903Layout.MissingEpisodes, Ssda903Layout.SocialWorkerEpisodes,
                 })
        {
            Assert.NotEmpty(ssda903[table]);
        }
    }

    private static List<string> Describe(IEnumerable<RuleFailure> failures) =>
        failures.Select(f => $"{f.RuleCode} {f.ChildId}: {f.Message}").ToList();
}
