using Cairn.Domain.Agencies;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Team administration in a real browser: the administrator opens a leaving manager's account, follows the link to
/// hand their team over, is refused without a new manager or a reason, then chooses one. Every page visited passes
/// axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class TeamAdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_hands_a_leaving_managers_team_over_only_with_a_new_manager_and_a_reason()
    {
        var leaving = await fixture.App.ProfessionalWithAccountAsync("Lena Leaving", roles: Role.TeamManager);
        var incoming = await fixture.App.ProfessionalWithAccountAsync("Ian Incoming", roles: Role.TeamManager);
        var team = await fixture.App.TeamAsync("Handover team", leaving.Id);
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.Administrator);

        await page.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teams", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GotoAsync($"/admin/professionals/{leaving.Id.Value}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hand over Handover team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handover team", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Change manager" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the new manager");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for this change");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("New manager").SelectOptionAsync(incoming.Id.Value.ToString());
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("Lena Leaving left on 30 November; Ian Incoming takes over.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change manager" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Ian Incoming now manages");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Lena Leaving left on 30 November");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.Equal(incoming.Id, await fixture.App.WithDbAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.ManagerId!.Value).SingleAsync()));
    }
}
