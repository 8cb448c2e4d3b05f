using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #4 pages in a real browser: a concern prompt opened from the /concerns list, refused without a reason and then
/// answered; a prompt passed on to the front door team, refused without a reason first; an early help episode started with a lead professional and consent; the education page. Every page
/// visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConcernsAndChildPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A prompt raised now for the demo social worker, saved straight to the database.</summary>
    private async Task<ConcernPrompt> PromptForSocialWorkerAsync(RuleFinding finding)
    {
        var worker = await fixture.App.ProfessionalOfAsync(Accounts.SocialWorker);
        var prompt = ConcernPrompt.Raise(finding, worker, null, DateTimeOffset.UtcNow, new WorkingCalendar(EnglandAndWales.BankHolidays)).Value!;
        await fixture.App.WithDbAsync(db =>
        {
            db.ConcernPrompts.Add(prompt);
            return db.SaveChangesAsync();
        });
        return prompt;
    }

    [Fact]
    public async Task A_prompt_is_opened_from_the_list_refused_without_a_reason_and_then_answered()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = new PersonId(await api.CreateChildAsync());
        var entry = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddDays(-3),
            category = "Education",
            significance = "Routine",
            summary = "Absent from school all week; no reason given by the family",
        });
        Assert.Equal(HttpStatusCode.Created, entry.StatusCode);
        var entryId = new ChronologyEntryId((await entry.JsonAsync()).GetProperty("id").GetGuid());
        var prompt = await PromptForSocialWorkerAsync(new RuleFinding(ConcernRule.OffTheRadar, child, "Complex needs; no professional contact in the last 60 days", [entryId], []));

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        await page.GotoAsync("/concerns");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Concerns that add up", Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.Locator($"a[href='/concerns/{prompt.Id.Value}']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("a child with complex needs not seen by any professional");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chronology entry" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.Locator("input[name='Input.Response'][value='AlreadyInHand']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.True(await fixture.App.WithDbAsync(db => db.ConcernPrompts.AnyAsync(p => p.Id == prompt.Id && p.Status == ConcernPromptStatus.Open)));

        await page.Locator("input[name='Input.Response'][value='AlreadyInHand']").CheckAsync();
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("The school and I agreed a plan last week: attendance is checked daily.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Answered by Sam Okoro");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.True(await fixture.App.WithDbAsync(db => db.ConcernPrompts.AnyAsync(p => p.Id == prompt.Id && p.Status == ConcernPromptStatus.Answered)));
    }

    [Fact]
    public async Task A_prompt_is_passed_on_to_the_front_door_team_only_with_a_reason()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = new PersonId(await api.CreateChildAsync());
        var prompt = await PromptForSocialWorkerAsync(new RuleFinding(ConcernRule.RepeatedNoFurtherAction, child, "3 front-door contacts in the last 365 days ended in no further action", [], []));
        var worker = prompt.AssignedProfessional!.Value;

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        await page.GotoAsync($"/concerns/{prompt.Id.Value}");
        await page.GetByLabel("Pass it to").SelectOptionAsync(new SelectOptionValue { Label = "Front Door (MASH) (front door team)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass it on" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you are passing the prompt on");
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.True(await fixture.App.WithDbAsync(db => db.ConcernPrompts.AnyAsync(p => p.Id == prompt.Id && p.AssignedProfessional == worker && p.AssignedTeam == null)));

        await page.GetByLabel("Pass it to").SelectOptionAsync(new SelectOptionValue { Label = "Front Door (MASH) (front door team)" });
        await page.GetByLabel("Why you are passing it on").FillAsync("I am leaving the team on Friday; the front door should decide who picks this up.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass it on" }).ClickAsync();
        // Back on the list (no longer someone the prompt is for, the social worker may not see it now), told it went.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Concerns that add up", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Prompt passed on")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        Assert.True(await fixture.App.WithDbAsync(db => db.ConcernPrompts.AnyAsync(p => p.Id == prompt.Id && p.AssignedProfessional == null && p.AssignedTeam != null)));

        // The front door sees it, with the reason in its history, and may answer it.
        await using var frontDoor = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var door = await frontDoor.NewPageAsync();
        await BrowserPages.SignInAsync(door, Accounts.FrontDoor);
        await door.GotoAsync($"/concerns/{prompt.Id.Value}");
        await Assertions.Expect(door.Locator(".govuk-summary-list")).ToContainTextAsync("Front Door (MASH)");
        await Assertions.Expect(door.GetByText("I am leaving the team on Friday", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(door.GetByRole(AriaRole.Button, new() { Name = "Save answer" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(door);
    }

    [Fact]
    public async Task Early_help_is_started_with_a_lead_professional_and_consent()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (context, page, child) = await NewChildAsync();
        await using var _ = context;
        await page.GotoAsync($"/people/{child}/early-help");
        await Assertions.Expect(page.GetByText("No early help episode has been recorded")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Start an early help episode" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start early help" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        // A date partly typed is named in the summary, whose link lands on the date's first field.
        var consentGiven = page.GetByRole(AriaRole.Group, new() { Name = "Date consent was given", Exact = true });
        await consentGiven.GetByLabel("Day").FillAsync("3");
        await consentGiven.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start early help" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Date consent was given must include a month" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_ConsentGivenOn")).ToBeFocusedAsync();
        await Assertions.Expect(consentGiven.GetByLabel("Day")).ToHaveValueAsync("3");
        await BrowserPages.AssertAccessibleAsync(page);

        await BrowserPages.FillDateAsync(page, "Date early help started", today);
        await page.GetByLabel("Lead professional").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Who gave consent").FillAsync("Mother");
        await BrowserPages.FillDateAsync(page, "Date consent was given", today);
        await page.Locator("input[name='Input.ConsentMethod'][value='Written']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start early help" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GotoAsync($"/people/{child}/early-help");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sam Okoro" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_education_page_records_home_education_with_complex_needs_and_warns()
    {
        var (context, page, child) = await NewChildAsync();
        await using var _ = context;
        await page.GotoAsync($"/people/{child}/education");
        await Assertions.Expect(page.GetByText("No education details are recorded for this child.")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save education details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.Locator("input[name='Input.Status'][value='ElectivelyHomeEducated']").CheckAsync();
        await BrowserPages.FillDateAsync(page, "Since", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10));
        await page.GetByLabel("The child has complex needs").CheckAsync();
        await page.GetByLabel("Complex needs (if any)").FillAsync("EHCP – autism, speech and language needs");
        await page.GetByLabel("How you know, or why this changed").FillAsync("The school told us the parents have withdrawn the child to home educate.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save education details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("can go unseen by services");
        await BrowserPages.AssertAccessibleAsync(page);
    }

    /// <summary>A new child with the social worker in its team, and a browser page signed in as that social worker.</summary>
    private async Task<(IBrowserContext Context, IPage Page, Guid Child)> NewChildAsync()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await api.CreateChildAsync();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        return (context, page, child);
    }
}
