using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #14 in a real browser (L21, L22, L26, L54): a social worker schedules an initial child protection conference from the
/// strategy discussion's date, invites the team around the child and the police and health, arranges it with an independent chair,
/// records it held (with the reason it went ahead without the roles nobody was invited in) and writes the minutes; the chair confirms
/// and sends them; the family's summary prints. Every page visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConferenceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_social_worker_schedules_invites_holds_and_minutes_a_conference_and_the_chair_sends_the_minutes()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await api.CreateChildAsync();
        var today = DateTimeOffset.UtcNow.InLondon();
        var chair = await fixture.App.ProfessionalOfAsync(Accounts.TeamManager);
        var worker = await fixture.App.ProfessionalOfAsync(Accounts.SocialWorker);

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SocialWorker);
        await page.GotoAsync($"/people/{child}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Conferences and meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No meeting has been scheduled for this child.");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Initial child protection conference").CheckAsync();
        await BrowserPages.FillDateAsync(page, "Date of the strategy discussion at which the section 47 enquiry began", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Meeting scheduled: due by");
        await Assertions.Expect(page.Locator("[data-flag='no-gp-invited']")).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite people" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite Sam Okoro" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invitation sent");
        foreach (var email in new[] { Accounts.Police, Accounts.HealthVisitor })
        {
            var id = await fixture.App.ProfessionalOfAsync(email);
            await page.GetByLabel("Professional", new() { Exact = true }).SelectOptionAsync(id.Value.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite the professional" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Invitation sent");
        }

        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitees")).ToContainTextAsync("DC Chris Barnes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange the date" }).ClickAsync();
        var tomorrow = today.AddDays(1);
        await BrowserPages.FillDateAsync(page, "Date and time of the meeting", tomorrow);
        await page.GetByLabel("Time").FillAsync("10:00");
        await page.GetByLabel("Where").FillAsync("Cairnmoor Children's Services, room 2");
        await page.GetByLabel("Chair", new() { Exact = true }).SelectOptionAsync(chair.Value.ToString());
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the arrangements" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Meeting arranged");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the meeting as held" }).ClickAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        for (var i = 0; i < 3; i++)
        {
            await page.Locator($"input[name='Input.Attendance[{i}].Attendance'][value='Attended']").CheckAsync();
        }

        await page.GetByLabel("Start a child protection plan").CheckAsync();
        await page.GetByLabel("Category of the plan").SelectOptionAsync("Neglect");
        await page.GetByLabel("Lead child protection practitioner (for a new plan)").SelectOptionAsync(worker.Value.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as held" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the meeting went ahead without them");
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByLabel("Why the meeting went ahead without the roles nobody was invited in")
            .FillAsync("The GP and school sent written reports; the parents declined to attend.");
        await page.GetByLabel("Start a child protection plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as held" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Core group meeting scheduled");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Incidents since the last meeting").FillAsync("None reported since the strategy discussion.");
        await page.GetByLabel("The child's view").FillAsync("Wants to stay at home and see her nan.");
        await page.GetByLabel("The parents' or carers' view").FillAsync("Mum disagrees with the plan but will work with it.");
        await page.GetByLabel("Summary for the family").FillAsync("Everyone agreed a plan to keep your child safe. Sam will visit every week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Minutes saved as a draft");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm and send the minutes" })).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        await using var chairContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var chairPage = await chairContext.NewPageAsync();
        await BrowserPages.SignInAsync(chairPage, Accounts.TeamManager);
        await chairPage.GotoAsync(page.Url);
        await chairPage.GetByRole(AriaRole.Button, new() { Name = "Confirm and send the minutes" }).ClickAsync();
        await Assertions.Expect(chairPage.Locator(".govuk-notification-banner")).ToContainTextAsync("Minutes sent to 3 professionals");
        await BrowserPages.AssertAccessibleAsync(chairPage);

        await chairPage.GetByRole(AriaRole.Link, new() { Name = "Summary for the family" }).ClickAsync();
        await Assertions.Expect(chairPage.Locator("#summary")).ToContainTextAsync("Sam will visit every week");
        await Assertions.Expect(chairPage.Locator("#childs-view")).ToContainTextAsync("see her nan");
        await BrowserPages.AssertAccessibleAsync(chairPage);
    }
}
