using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class RecordActionTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task The_share_page_shows_the_steps_and_an_empty_action_gets_an_error_summary()
    {
        Factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.FrontDoor);
        var path = $"/shares/{id}";
        await browser.PostAsync($"{path}/Receive", await Clients.FormAsync(browser, path, new() { ["Input.Version"] = "1" }));

        var response = await browser.PostAsync($"{path}/Action", await Clients.FormAsync(browser, path, new() { ["Input.Version"] = "2", ["Input.ActionTaken"] = "" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter what was done or decided", html, StringComparison.Ordinal);
        Assert.Contains("Received", html, StringComparison.Ordinal);
    }
}
