using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Security;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Issue #14 in a real browser (L16): the safeguarding lead opens the compliance list from the navigation, narrows it to meetings,
/// finds an overdue conference with its escalation level, and reads the on-time chart and its table; a page number that does not
/// exist is explained. Every page visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ComplianceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_safeguarding_lead_reads_the_areas_compliance_list_and_the_on_time_chart()
    {
        var api = await fixture.App.ApiAsAsync(Accounts.SocialWorker);
        api.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await api.CreateChildAsync();
        var today = TimeProvider.System.Today();
        var owner = await fixture.App.ProfessionalOfAsync(Accounts.SocialWorker);
        var due = today.AddYears(-30);
        var meeting = Meeting.Schedule(new PersonId(child), MeetingKind.InitialChildProtectionConference, 1, MeetingTrigger.Arranged, Guid.NewGuid(),
            due.AddDays(-15), new MeetingDue(due, Clock.FromLondon(due.ToDateTime(new TimeOnly(17, 0)))), owner, null, DateTimeOffset.UtcNow);
        await fixture.App.WithDbAsync(db =>
        {
            db.Meetings.Add(meeting);
            return db.SaveChangesAsync();
        });

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, Accounts.SafeguardingLead);
        await page.GetByRole(AriaRole.Link, new() { Name = "Compliance" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Statutory steps: the area");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Kind of step").SelectOptionAsync("Meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show steps" }).ClickAsync();
        var first = page.Locator("#steps tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Initial child protection conference");
        await Assertions.Expect(first).ToContainTextAsync("overdue");
        await Assertions.Expect(first).ToContainTextAsync("Not yet escalated");
        await Assertions.Expect(page.Locator("#on-time-table")).ToContainTextAsync("Meetings rate");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "On-time rates by month" })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GotoAsync("/compliance?page=500");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is no page 500");
        await BrowserPages.AssertAccessibleAsync(page);
    }
}
