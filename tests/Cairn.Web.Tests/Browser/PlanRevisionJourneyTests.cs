using System.Net.Http.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #13 in a real browser (L24): a social worker revises an agreed plan, is refused agreement while the carried sections are
/// not reviewed, confirms each one unchanged, agrees the new version and reads the difference from the version before. Every page
/// visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PlanRevisionJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_social_worker_revises_a_plan_confirms_the_carried_sections_agrees_it_and_sees_it_on_the_map()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await api.CreateChildAsync();
        var me = await fixture.App.ProfessionalOfAsync(Accounts.SocialWorker);
        var started = await api.PostAsJsonAsync($"/api/v1/people/{child}/plans", new
        {
            type = "ChildInNeed",
            leadId = me.Value,
            sections = new object[]
            {
                new
                {
                    kind = "Outcome", title = "Goes to school every day", text = "Attendance is 62%.",
                    actions = new object[] { new { what = "Walk to school together each morning", owner = me.Value, dueOn = Today.AddDays(14) } },
                },
                new { kind = "ChildsView", text = "I like school when my friends are there." },
                new { kind = "FamilysView", text = "Mum wants help with mornings." },
            },
        });
        var json = await started.JsonAsync();
        var id = json.GetProperty("id").GetGuid();
        var agreed = await api.PostAsJsonAsync($"/api/v1/plans/{id}/agree",
            new { agreedOn = Today, agreedAt = "Child in need meeting", version = json.GetProperty("version").GetInt32() });
        Assert.True(agreed.IsSuccessStatusCode, await agreed.Content.ReadAsStringAsync());

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        await page.GotoAsync($"/people/{child}/plans");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Child in need plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In force: version 1" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revise the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("New version started");
        await Assertions.Expect(page.Locator(".govuk-warning-text", new() { HasText = "sections were carried over" }))
            .ToContainTextAsync("3 sections were carried over");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Agree version 2" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("has not been reviewed");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter where the plan was agreed");
        await BrowserPages.AssertAccessibleAsync(page);

        for (var i = 0; i < 3; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm unchanged" }).First.ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Section confirmed unchanged");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm unchanged" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".govuk-tag--green").First).ToContainTextAsync("Confirmed unchanged by Sam Okoro");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Where it was agreed").FillAsync("Child in need review meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree version 2" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Plan agreed");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In force: version 2" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Version 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Version 2");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("What changed from version 1.");
        await BrowserPages.AssertAccessibleAsync(page);

        // The child's plans-and-assessments map (L27) shows the plan, and passes axe too.
        await page.GotoAsync($"/people/{child}/plans-and-assessments");
        await Assertions.Expect(page.Locator(".govuk-caption-l", new() { HasText = "Plans and assessments" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Child in need plan");
        await BrowserPages.AssertAccessibleAsync(page);
    }
}
