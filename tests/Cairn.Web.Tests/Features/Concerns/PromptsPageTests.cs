using System.Net;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class PromptsPageTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task The_pages_list_the_prompt_show_its_evidence_and_refuse_a_blank_answer_with_an_error_summary()
    {
        var (child, entries) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);

        var list = await browser.GetStringAsync("/concerns");
        Assert.Contains($"/concerns/{prompt.Id.Value}", list, StringComparison.Ordinal);
        var page = $"/concerns/{prompt.Id.Value}";
        var html = await browser.GetStringAsync(page);
        Assert.All(entries, e => Assert.Contains($"/chronology/{e}", html, StringComparison.Ordinal));

        var response = await browser.PostAsync(page, await Clients.FormAsync(browser, page, new()
        {
            ["Input.Response"] = "AlreadyInHand",
            ["Input.Reason"] = "",
            ["Input.Version"] = prompt.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refused, StringComparison.Ordinal);
        Assert.Contains("#Input_Reason", refused, StringComparison.Ordinal);

        var lead = await Factory.SignedInAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/front-door/rules")).StatusCode);
        // The cookie scheme answers a refusal with its access-denied page rather than a bare 403; either way the form is not shown.
        var refusedRules = await browser.GetAsync("/front-door/rules");
        Assert.NotEqual(HttpStatusCode.OK, refusedRules.StatusCode);
    }
}
