using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Account administration in a real browser: the administrator opens the list of professionals, filters it, opens a
/// leaver's account, is refused without a reason, then deactivates it. Every page visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccountAdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_deactivates_a_leaver_only_with_a_reason()
    {
        var leaver = await fixture.App.ProfessionalWithAccountAsync("Lee Leaver");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.Administrator);

        await page.GetByRole(AriaRole.Link, new() { Name = "Professionals", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Professionals", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("leaver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync("1 professional");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Lee Leaver" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lee Leaver", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.Locator("input[name='Input.Action'][value='Deactivate']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for this change");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.True(await fixture.App.WithDbAsync(db => db.Professionals.Where(p => p.Id == leaver.Id).Select(p => p.IsActive).SingleAsync()));

        await page.Locator("input[name='Input.Action'][value='Deactivate']").CheckAsync();
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("Left the authority on 30 November; contract ended.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Account deactivated");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Deactivated");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.False(await fixture.App.WithDbAsync(db => db.Professionals.Where(p => p.Id == leaver.Id).Select(p => p.IsActive).SingleAsync()));
    }
}
