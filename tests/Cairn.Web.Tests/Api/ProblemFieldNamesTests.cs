using Cairn.Web.Features;

namespace Cairn.Web.Tests.Api;

/// <summary>A refusal's field is named in problem+json as the request body names it: camel case in every segment.</summary>
public class ProblemFieldNamesTests
{
    [Theory]
    [InlineData("Reason", "reason")]
    [InlineData("CumulativeConcern.WindowDays", "cumulativeConcern.windowDays")]
    [InlineData("Attendees[0].Name", "attendees[0].name")]
    [InlineData("Levels[2].Indicators[1]", "levels[2].indicators[1]")]
    [InlineData("CumulativeConcern.ThemeWeights[Neglect]", "cumulativeConcern.themeWeights[Neglect]")]
    [InlineData("nhsNumber", "nhsNumber")]
    [InlineData("", "")]
    public void Every_segment_of_a_field_path_is_camel_case(string field, string expected) =>
        Assert.Equal(expected, Problems.ToCamel(field));

    [Fact]
    public void A_refusal_on_a_nested_field_is_keyed_by_its_camel_case_path()
    {
        var problem = Cairn.Domain.Refusal.Of("OffTheRadar.NoContactDays", "The days without contact must be from 1 to 3,650").ToProblem();

        Assert.Equal(["The days without contact must be from 1 to 3,650"], problem.ProblemDetails.Errors["offTheRadar.noContactDays"]);
    }
}
