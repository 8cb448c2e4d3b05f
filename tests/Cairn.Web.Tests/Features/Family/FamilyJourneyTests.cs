using Cairn.Web.Tests.Browser;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Features.Family;

/// <summary>
/// A social worker records Zofia's family through the pages: a sibling (after the error summary for a risk
/// without notes), a new household, a move to a new address (after an unknown postcode), then ends the
/// relationship and records a move out. Every page visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class FamilyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Record_a_relationship_a_household_and_a_move_then_end_and_move_out()
    {
        var zofia = await fixture.App.PersonIdAsync("Zofia", "Nowak");
        var tomasz = await fixture.App.PersonIdAsync("Tomasz", "Nowak");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(Accounts.SocialWorker);
        await page.GetByLabel("Password").FillAsync(Demo.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Find a person" })).ToBeVisibleAsync();

        await page.GotoAsync($"/people/{zofia.Value}/family");
        await Assertions.Expect(page.Locator(".govuk-warning-text").First).ToContainTextAsync("Marek Nowak poses a risk to Zofia Nowak");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a relationship" }).ClickAsync();
        await page.GetByLabel("Find the other person by name").FillAsync("Tomasz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.Locator($"input[name='Input.OtherPersonId'][value='{tomasz.Value}']").CheckAsync();
        await page.GetByLabel("The other person is Zofia Nowak's").SelectOptionAsync("PersonPosingRisk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Describe the risk this person poses");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("The other person is Zofia Nowak's").SelectOptionAsync("Sibling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add relationship" }).ClickAsync();
        await Assertions.Expect(page.Locator("#relationships ~ table").First).ToContainTextAsync("Sibling");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add to a household" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "A new household" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to household" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a name for the new household");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Name for a new household").FillAsync("Foster home, Orchard Close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to household" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Foster home, Orchard Close" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a move to a new address" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Address line 1").FillAsync("9 Orchard Close");
        await page.GetByLabel("Postcode").FillAsync("YO99 9ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("YO99 9ZZ is not in the postcode directory");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Postcode").FillAsync("yo1 0aj");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#addresses ~ table").First).ToContainTextAsync("9 Orchard Close, YO1 0AJ");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "End relationship with Tomasz Nowak" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "End relationship" }).ClickAsync();
        await Assertions.Expect(page.Locator("#relationships ~ table").First).ToContainTextAsync("Ended");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record that Zofia Nowak moved out of Foster home, Orchard Close" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record move out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Foster home, Orchard Close" })).ToContainTextAsync("Moved out");
    }
}
