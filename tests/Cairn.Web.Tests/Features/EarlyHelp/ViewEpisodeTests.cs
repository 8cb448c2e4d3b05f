using System.Net;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[Collection(EarlyHelpEpisodeGroup.Name)]
public sealed class ViewEpisodeTests(CairnFactory factory) : EarlyHelpEpisodeScenario(factory)
{
    [Fact]
    public async Task The_pages_show_the_episode_and_its_actions()
    {
        var (_, child, id) = await OpenEpisodeAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);

        var childPage = await browser.GetStringAsync($"/people/{child}");
        var list = await browser.GetStringAsync($"/people/{child}/early-help");
        var view = await browser.GetStringAsync($"/early-help/{id}");
        var lead = await browser.GetAsync($"/early-help/{id}/lead");
        var close = await browser.GetStringAsync($"/early-help/{id}/close");

        Assert.Contains($"/people/{child}/early-help", childPage, StringComparison.Ordinal);
        Assert.Contains($"/people/{child}/education", childPage, StringComparison.Ordinal);
        Assert.Contains($"/early-help/{id}", list, StringComparison.Ordinal);
        Assert.Contains("Given by Mother", view, StringComparison.Ordinal);
        Assert.Contains("Sam Okoro", view, StringComparison.Ordinal);
        Assert.Contains("Change the lead professional", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Contains("Why is the episode closing?", close, StringComparison.Ordinal);
    }
}
