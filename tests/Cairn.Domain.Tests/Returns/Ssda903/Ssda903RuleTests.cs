using Cairn.Domain.Returns;
using Cairn.Domain.Returns.Ssda903;

namespace Cairn.Domain.Tests.Returns.Ssda903;

/// <summary>
/// One test per implemented 903 rule code: the passing example raises no failure of that code, the failing one raises it for the
/// child it is about. The examples are the realistic return (<see cref="Ssda903Examples"/>) with one thing changed.
/// </summary>
public sealed class Ssda903RuleTests
{
    private static readonly int[] Years = [2025, 2026, 2027];

    public static TheoryData<string> ImplementedCodes => new(Ssda903Rules.Implemented.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ImplementedCodes))]
    public void Rule_passes_the_passing_example_and_fails_the_failing_one(string code)
    {
        Assert.True(Ssda903RuleCases.All.TryGetValue(code, out var example), $"Rule {code} has no passing and failing example");
        var year = CollectionYear.Ending(example.Year);
        Assert.Contains(Ssda903Validation.Catalogue(year), r => r.Code == code);
        var current = Ssda903Examples.Return(year);
        var previous = example.LastYear ? Ssda903Examples.Return(year.Previous) : null;

        var passing = Ssda903Validation.Validate(example.Pass(current), previous).Where(f => f.RuleCode == code).ToList();
        Assert.True(passing.Count == 0, $"Rule {code} failed the passing example for {string.Join(", ", passing.Select(f => f.ChildId))}");

        var failingPrevious = previous is not null && example.FailLastYear is { } edit ? edit(previous) : previous;
        var failing = Ssda903Validation.Validate(example.Fail(current), failingPrevious).Where(f => f.RuleCode == code).ToList();
        var failure = Assert.Single(failing, f => f.ChildId == example.Child);
        var catalogued = Ssda903Validation.Catalogue(year).Single(r => r.Code == code);
        Assert.Equal(catalogued.Message, failure.Message);
        Assert.Equal(catalogued.AffectedFields, failure.AffectedFields);
        Assert.Null(failure.Severity); // the 903 catalogues have no type column
    }

    [Fact]
    public void Every_example_is_for_an_implemented_rule()
    {
        Assert.Empty(Ssda903RuleCases.All.Keys.Except(Ssda903Rules.Implemented.Keys));
    }

    [Theory]
    [InlineData(2025, 305)]
    [InlineData(2026, 311)]
    [InlineData(2027, 322)]
    public void Implemented_and_not_implemented_rules_are_exactly_the_years_catalogue(int endingYear, int catalogueSize)
    {
        var catalogue = Ssda903Validation.Catalogue(CollectionYear.Ending(endingYear)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(catalogueSize, catalogue.Count);
        var implemented = Ssda903Rules.Implemented.Keys.Where(catalogue.Contains).ToHashSet(StringComparer.Ordinal);
        var notImplemented = Ssda903Rules.NotImplemented.Select(n => n.Code).Where(catalogue.Contains).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(implemented.Intersect(notImplemented));
        Assert.Equal(catalogue.Order(StringComparer.Ordinal), implemented.Union(notImplemented).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_in_the_lists_is_in_some_catalogue_and_each_reason_is_given()
    {
        var all = Years.SelectMany(y => Ssda903Validation.Catalogue(CollectionYear.Ending(y))).Select(r => r.Code)
            .ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(Ssda903Rules.Implemented.Keys, c => !all.Contains(c));
        Assert.DoesNotContain(Ssda903Rules.NotImplemented, n => !all.Contains(n.Code));
        Assert.All(Ssda903Rules.NotImplemented, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
        Assert.Equal(Ssda903Rules.NotImplemented.Count, Ssda903Rules.NotImplemented.Select(n => n.Code).Distinct().Count());
    }

    [Fact]
    public void A_rule_runs_only_in_the_years_whose_catalogue_has_it()
    {
        // 454 (distance over 350 miles) came in with 2025/26.
        var far = Ssda903Examples.Return(CollectionYear.Ending(2025))
            .Set(Ssda903Layout.Episodes, Ssda903Examples.WentMissing, 0, ("PL_DISTANCE", "400.0"));
        Assert.DoesNotContain(Ssda903Validation.Validate(far), f => f.RuleCode == "454");
        var farLater = Ssda903Examples.Return().Set(Ssda903Layout.Episodes, Ssda903Examples.WentMissing, 0, ("PL_DISTANCE", "400.0"));
        Assert.Contains(Ssda903Validation.Validate(farLater), f => f.RuleCode == "454");
    }
}
