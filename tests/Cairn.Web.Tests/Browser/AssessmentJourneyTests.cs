using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #13 in a real browser: the social worker starts a child and family assessment, is refused a submission without the
/// voice of the child, records it, submits; the team manager signs in and authorises it, and it is shown as current. Every page
/// visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AssessmentJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_social_worker_records_an_assessment_with_the_voice_of_the_child_and_a_manager_authorises_it()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await api.CreateChildAsync();

        await using var worker = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await worker.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        await page.GotoAsync($"/people/{child}/assessments");
        await Assertions.Expect(page.GetByText("No assessment has been recorded for this child.")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Start an assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Start an assessment of");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the type of assessment");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Child and family assessment", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Section 17 (child in need)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment started: due by");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("No GP involvement recorded");
        await BrowserPages.AssertAccessibleAsync(page);
        var id = Guid.Parse(page.Url.Split('/')[^1]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Submit for authorisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for authorisation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the voice of the child");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "record the sections" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("The voice of the child").FillAsync("She said she feels safe with her nan and wants her dad to stop shouting.");
        await page.GetByLabel("Health, including the GP").FillAsync("Seen by her GP last month; growth and immunisations normal.");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Findings").FillAsync("Arguments at home most evenings; the child hides in her room.");
        await page.GetByLabel("Analysis", new() { Exact = true }).FillAsync("Emotional harm from parental conflict is likely without support.");
        await page.GetByLabel("Recommendations").FillAsync("Child in need plan; a parenting programme for both parents.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the sections" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Sections saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("She said she feels safe with her nan");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Submit for authorisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for authorisation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("a manager must now authorise it");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Authorise" })).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        await using var managerContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var manager = await managerContext.NewPageAsync();
        await BrowserPages.SignInAsync(manager, Accounts.TeamManager);
        await manager.GotoAsync($"/assessments/{id}");
        await Assertions.Expect(manager.GetByText("Awaiting a manager's authorisation", new() { Exact = true })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Authorise", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Authorise the assessment", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Authorise" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment authorised");
        await Assertions.Expect(manager.Locator(".govuk-summary-list")).ToContainTextAsync("Current until");
        await Assertions.Expect(manager.Locator("table")).ToContainTextAsync("Authorised");
        await BrowserPages.AssertAccessibleAsync(manager);

        await manager.GotoAsync($"/people/{child}/assessments");
        await Assertions.Expect(manager.Locator("table")).ToContainTextAsync("Current");
        await BrowserPages.AssertAccessibleAsync(manager);
        await manager.GotoAsync("/assessments/overdue");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Overdue assessments", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(manager);
        var stored = await fixture.App.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == new AssessmentId(id)));
        Assert.Equal((AssessmentStatus.Authorised, await fixture.App.ProfessionalOfAsync(Accounts.TeamManager)), (stored.Status, stored.AuthorisedBy!.Value));
        Assert.StartsWith("She said she feels safe", stored.VoiceOfChild, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sets_how_long_assessments_stay_current_and_is_refused_a_period_out_of_range()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.Administrator);
        await page.GotoAsync("/admin/assessment-currency");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How long assessments stay current", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Return home interview: months").FillAsync("48");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the periods" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("from 1 to 36");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Return home interview: months").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the periods" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Currency periods saved");
        await Assertions.Expect(page.GetByLabel("Return home interview: months")).ToHaveValueAsync("6");
        await BrowserPages.AssertAccessibleAsync(page);
    }
}
