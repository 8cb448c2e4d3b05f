using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #14's reference and rules in a real browser: the administrator reads the meeting types, opens the meeting rules from the
/// menu, is refused an amount out of range, then sets the placement planning meeting to 48 hours. Every page passes axe for WCAG
/// 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MeetingRulesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_reads_the_meeting_types_and_changes_a_local_timescale()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.Administrator);

        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting types", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meeting types", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ProfessionalsMeeting")).ToContainTextAsync("Not statutory");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Meeting rules", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meeting timescales", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        var placement = page.GetByLabel("Placement planning meeting: first due (hours)");
        await placement.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the timescales" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a number from 1 to 365");
        await BrowserPages.AssertAccessibleAsync(page);

        await placement.FillAsync("48");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the timescales" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Meeting timescales saved");
        await Assertions.Expect(placement).ToHaveValueAsync("48");
        await BrowserPages.AssertAccessibleAsync(page);
    }
}
