using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Matching;
using static Cairn.Domain.Tests.Placements.Matching.Matching;

namespace Cairn.Domain.Tests.Placements.Matching;

/// <summary>The engine shares nothing between calls: callers in parallel get what one caller alone gets.</summary>
public class ConcurrentRankingTests
{
    [Fact]
    public void Rankings_run_in_parallel_give_the_same_options_lines_and_flags_as_one_run_alone()
    {
        var child = AChild() with
        {
            Needs = [PlacementNeed.Autism],
            Vulnerabilities = [Vulnerability.SexualHarm],
            Dangers = [APerson(At(0, 5_000)), APerson(At(9_000, 0), RiskKind.Violence)],
        };
        var settings = Enumerable.Range(0, 200).Select(i => ASetting($"Home {i:D3}") with
        {
            Location = At((i % 20) * 1_000, (i / 20) * 1_000),
            Specialisms = i % 3 == 0 ? [PlacementNeed.Autism] : [],
            Residents = i % 4 == 0 ? [AResident($"r{i}", false, null, risks: [RiskToOthers.HarmfulSexualBehaviour])] : [],
        }).ToArray();
        var alone = Describe(PlacementMatcher.Rank(child, settings));

        var together = new string[8];
        Parallel.For(0, together.Length, i => together[i] = Describe(PlacementMatcher.Rank(child, settings)));

        Assert.All(together, d => Assert.Equal(alone, d));
    }

    private static string Describe(MatchResult result) => string.Join("\n", result.Options.Select(o =>
        $"{o.Name} {o.Score}: {string.Join(" | ", o.Lines.Select(l => l.Text))}"));
}
