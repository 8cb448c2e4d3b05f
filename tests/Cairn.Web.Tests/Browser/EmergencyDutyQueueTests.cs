using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// Cairn on a real port with its clock stopped at 22:40 on a Sunday night in November (London), so everything sent or
/// recorded is out of hours whatever the real time is when the tests run; and headless Chromium, as in <see cref="BrowserFixture"/>.
/// </summary>
public sealed class SundayNightBrowserFixture : BrowserFixture
{
    public SundayNightBrowserFixture()
        : base(new CairnServerFactory(new TestClock(SundayNight)))
    {
    }

    public static readonly DateTimeOffset SundayNight = TestClock.London(2026, 11, 29, 22, 40);

    public TestClock Clock => App.Clock!;
}

/// <summary>
/// Out of hours is real (issue #12, L02) in a real browser: on a Sunday night the police send an immediate share and record a
/// police notification; the Emergency Duty Team member opens the EDT queue from the navigation and finds both waiting, opens
/// the contact (the whole picture and the "With the Emergency Duty Team" banner), is stopped by the error summary when passing
/// it on without a note, acknowledges it, passes it to the front door with the protective action taken and a note, and then
/// acknowledges the share from its page. Every page visited passes axe for WCAG 2.2 A/AA, the error state included.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EmergencyDutyQueueTests(SundayNightBrowserFixture fixture) : IClassFixture<SundayNightBrowserFixture>
{
    private const string EmergencyDuty = "robin.hart@cairnmoor.example";

    [Fact]
    public async Task On_a_Sunday_night_the_emergency_duty_team_finds_the_contact_and_share_acknowledges_both_and_passes_the_contact_on()
    {
        fixture.Clock.Set(SundayNightBrowserFixture.SundayNight);
        var (contactId, shareId, subject) = await PoliceSendAndRecordAsync();

        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await BrowserPages.SignInAsync(page, EmergencyDuty);

        // The queue, from the navigation: the contact and the share are both there, with why, and neither acknowledged yet.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "EDT queue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Emergency Duty Team queue", Level = 1 })).ToBeVisibleAsync();
        var contactRow = ContactRow(page, contactId);
        var shareRow = ShareRow(page, shareId);
        await Assertions.Expect(contactRow).ToContainTextAsync("Contact received out of hours");
        await Assertions.Expect(contactRow).ToContainTextAsync("Police");
        await Assertions.Expect(contactRow.Locator(".govuk-tag")).ToHaveTextAsync("Waiting");
        await Assertions.Expect(shareRow).ToContainTextAsync(subject);
        await Assertions.Expect(shareRow).ToContainTextAsync("Urgent share sent out of hours");
        await Assertions.Expect(shareRow.Locator(".govuk-tag")).ToHaveTextAsync("Waiting");
        await BrowserPages.AssertAccessibleAsync(page);

        // The contact: the Emergency Duty Team's banner, not acknowledged, and the whole picture of the child.
        await contactRow.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Contact about");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "With the Emergency Duty Team" });
        await Assertions.Expect(banner).ToContainTextAsync("Contact received out of hours");
        await Assertions.Expect(banner).ToContainTextAsync("Not acknowledged");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The whole picture" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#picture ~ section").First).ToContainTextAsync("Police notification: domestic abuse, DASH risk high");
        await BrowserPages.AssertAccessibleAsync(page);

        // Passing it on without a note is refused with the error summary, and nothing changes: still not acknowledged.
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass to the front door" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary"))
            .ToContainTextAsync("Enter what the Emergency Duty Team found and what the front door needs to know");
        await Assertions.Expect(banner).ToContainTextAsync("Not acknowledged");
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: the Emergency Duty Team has this" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success"))
            .ToContainTextAsync("Acknowledged: the Emergency Duty Team has this contact in hand");
        await Assertions.Expect(banner).ToContainTextAsync("Acknowledged by Robin Hart");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: the Emergency Duty Team has this" })).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByLabel("Immediate protective action taken (optional)").FillAsync("The child is staying with her grandmother tonight.");
        await page.GetByLabel("Note for the front door").FillAsync("Spoke to the officer in the case at 23:00; mother safe at a refuge.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pass to the front door" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Passed to the front door with your note");
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("Immediate protective action: The child is staying with her grandmother tonight.");
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("mother safe at a refuge");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "With the Emergency Duty Team" })).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        // Back on the queue the contact has gone to the front door; the share is still waiting.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "EDT queue" }).ClickAsync();
        await Assertions.Expect(shareRow.Locator(".govuk-tag")).ToHaveTextAsync("Waiting");
        await Assertions.Expect(ContactRow(page, contactId)).ToHaveCountAsync(0);

        // The share, acknowledged from its page; the queue then shows who acknowledged it.
        await shareRow.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 1 })).ToBeVisibleAsync();
        await BrowserPages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: the Emergency Duty Team has this" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success"))
            .ToContainTextAsync("Acknowledged: the Emergency Duty Team has this share in hand.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: the Emergency Duty Team has this" })).ToHaveCountAsync(0);
        await BrowserPages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "EDT queue" }).ClickAsync();
        await Assertions.Expect(shareRow.Locator(".govuk-tag")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(shareRow).ToContainTextAsync("Robin Hart");
        await BrowserPages.AssertAccessibleAsync(page);

        // What the pages showed is what was stored: the contact acknowledged and handed back with the note, the share acknowledged.
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == new ContactId(contactId)));
        Assert.Null(contact.EmergencyDutySince);
        Assert.Contains("mother safe at a refuge", contact.EmergencyDutyNote);
        Assert.True(await fixture.App.WithDbAsync(db =>
            db.Shares.AnyAsync(s => s.Id == new ShareId(shareId) && s.EmergencyDutyAcknowledgedAt != null)));
    }

    /// <summary>
    /// As the police would, through the API: an immediate share to the front door about a child, and a police notification
    /// (domestic abuse, DASH risk high) that records a contact for that child.
    /// </summary>
    private async Task<(Guid Contact, Guid Share, string Subject)> PoliceSendAndRecordAsync()
    {
        var police = await fixture.App.ApiAsAsync(Accounts.Police);
        police.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var team = await fixture.App.WithDbAsync(db => db.Teams.SingleAsync(t => t.Name == "Front Door (MASH)"));
        var subject = "Child at a domestic incident tonight " + Guid.NewGuid().ToString("N")[..6];

        var share = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = team.AgencyId.Value,
            recipientTeamId = team.Id.Value,
            childIds = new[] { child },
            urgency = "Immediate",
            subject,
            message = "Officers attended the family home at 21:50. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, share.StatusCode);
        var shareId = (await share.JsonAsync()).GetProperty("id").GetGuid();

        var notification = await police.PostAsJsonAsync("/api/v1/police-notifications", new
        {
            peopleInvolved = new[] { child },
            incidentType = "DomesticAbuse",
            occurredAt = SundayNightBrowserFixture.SundayNight.AddMinutes(-50),
            risk = "High",
            reference = "CM-" + Guid.NewGuid().ToString("N")[..6],
            concerns = "Officers attended after a neighbour called. The child was in the room during the assault.",
        });
        Assert.Equal(HttpStatusCode.Created, notification.StatusCode);
        var contactId = (await notification.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();
        return (contactId, shareId, subject);
    }

    private static ILocator ContactRow(IPage page, Guid contact) =>
        page.Locator("tr", new() { Has = page.Locator($"a[href='/contacts/{contact}']") });

    private static ILocator ShareRow(IPage page, Guid share) =>
        page.Locator("tr", new() { Has = page.Locator($"a[href='/shares/{share}']") });
}
