using Cairn.Domain.Returns;
using Cairn.Domain.Returns.CinCensus;
using static Cairn.Domain.Tests.Returns.CinCensus.ACensus;

namespace Cairn.Domain.Tests.Returns.CinCensus;

public sealed class CinRuleTests
{
    private static readonly CinValidator Validator = new(Year);

    public static TheoryData<string> ImplementedCodes() => new(Validator.Implemented);

    public static TheoryData<CollectionYear> Years() => new(CinCensusYears.WithCatalogue);

    [Theory]
    [MemberData(nameof(ImplementedCodes))]
    public void Each_rule_fails_its_failing_example_and_passes_its_passing_example(string ruleCode)
    {
        Assert.True(CinRuleExamples.All.TryGetValue(ruleCode, out var example), $"Rule {ruleCode} has no example.");

        Assert.Empty(Validator.Validate(example.Passing, [ruleCode]));
        var failures = Validator.Validate(example.Failing, [ruleCode]);
        Assert.NotEmpty(failures);
        var failure = failures[0];
        var rule = Validator.Catalogue.Single(r => r.Code == ruleCode);
        Assert.Equal(rule.Message, failure.Message);
        Assert.NotNull(failure.Severity);
        Assert.Equal(rule.Severity, failure.Severity);
        Assert.Equal(rule.AffectedFields, failure.AffectedFields);
    }

    [Fact]
    public void The_example_child_passes_every_rule_about_a_child()
    {
        var returnLevel = new[] { "2887Q" };
        var failures = Validator.Validate(Return(Child()), Validator.Implemented.Except(returnLevel));

        Assert.Empty(failures.Select(f => f.RuleCode));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Implemented_and_not_implemented_rules_together_are_the_catalogue(CollectionYear year)
    {
        var validator = new CinValidator(year);
        var catalogue = validator.Catalogue.Select(r => r.Code).ToList();

        Assert.Equal(catalogue.Count, catalogue.Distinct().Count());
        Assert.Empty(validator.Implemented.Intersect(validator.NotImplemented.Keys));
        Assert.Equal(catalogue.Order(), validator.Implemented.Concat(validator.NotImplemented.Keys).Order());
        Assert.All(validator.NotImplemented.Values, reason => Assert.NotEqual("Not yet written.", reason));
    }

    [Fact]
    public void A_child_failing_a_rule_is_named_and_others_are_not()
    {
        var census = Return(Child("C1"), Child("C2") with { Upn = Upn("938123456781"), Ethnicity = "XXXX" });

        var failure = Assert.Single(Validator.Validate(census), f => f.RuleCode == "4220");

        Assert.Equal("C2", failure.ChildId);
    }

    [Fact]
    public void A_upn_check_letter_is_the_one_the_DfE_algorithm_gives()
    {
        // Worked by hand: 9*2+3*3+8*4+1*5+2*6+3*7+4*8+5*9+6*10+7*11+8*12+0*13 = 407; 407 mod 23 = 16, the letter T.
        Assert.Equal("T938123456780", Upn("938123456780"));
        Assert.True(CinUpn.HasValidCheckLetter("T938123456780"));
        Assert.False(CinUpn.HasValidCheckLetter("A938123456780"));
    }
}
