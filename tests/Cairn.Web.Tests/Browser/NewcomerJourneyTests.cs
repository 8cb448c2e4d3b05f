using Cairn.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Cairn.Web.Tests.Browser;

/// <summary>
/// A social worker signs in, opens a child, reads the chronology, is stopped by the error summary for a
/// "did not attend", then records a visit with the child's words. Every page visited passes axe for WCAG 2.2 A/AA.
/// </summary>
[Trait("Category", "Browser")]
public sealed class NewcomerJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_in_open_a_child_see_an_error_summary_and_add_an_entry()
    {
        var zofia = await fixture.App.PersonIdAsync("Zofia", "Nowak");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/sign-in");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Email address").FillAsync(Accounts.SocialWorker);
        await page.GetByLabel("Password").FillAsync(Demo.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Find a person" })).ToBeVisibleAsync();

        await page.GotoAsync($"/people/{zofia.Value}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zofia Nowak", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".cairn-alerts")).ToContainTextAsync("Domestic abuse by father");
        await Assertions.Expect(page.Locator("#chronology")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a chronology entry" }).ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("What kind of entry is it?").SelectOptionAsync("Appointment");
        await page.GetByLabel("Outcome, if it was an appointment").SelectOptionAsync("DidNotAttend");
        await page.GetByLabel("Summary").FillAsync("Missed dental check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Was not brought");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("What kind of entry is it?").SelectOptionAsync("HomeVisit");
        await page.GetByLabel("Outcome, if it was an appointment").SelectOptionAsync("");
        await page.GetByLabel("Summary").FillAsync("Visit to foster home: settled");
        await page.GetByLabel("The child's own words").FillAsync("I want to stay with my brother.");
        await page.GetByLabel("How the child's views were gathered").FillAsync("Seen alone with an interpreter");
        // The date input and the time beside it, typed as a person would: two minutes ago in London, "9:41am".
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var time = at.ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant();
        await BrowserPages.FillDateAsync(page, "When did it happen?", DateOnly.FromDateTime(at.DateTime));
        await page.GetByRole(AriaRole.Group, new() { Name = "When did it happen?", Exact = true }).GetByLabel("Time").FillAsync(time);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zofia Nowak", Level = 1 })).ToBeVisibleAsync();
        var visit = page.Locator("#chronology ~ article").Filter(new() { HasText = "Visit to foster home: settled" }).First;
        await Assertions.Expect(visit).ToContainTextAsync("I want to stay with my brother.");
        await Assertions.Expect(visit).ToContainTextAsync($"at {time}");
    }

    [Fact]
    public async Task Search_raise_an_alert_create_a_person_and_visit_the_record_pages_with_clear_errors()
    {
        var zofia = await fixture.App.PersonIdAsync("Zofia", "Nowak");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, Accounts.SocialWorker);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zofia Nowak" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // Search tolerates a slip in the name.
        await page.GotoAsync("/people");
        await page.GetByLabel("Name").FillAsync("zofia nowack");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zofia Nowak" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // A vague alert is refused with a message naming what is missing.
        await page.GotoAsync($"/people/{zofia.Value}/alerts/new");
        await page.GetByLabel("What is the risk?").FillAsync("Be careful");
        await page.GetByLabel("Description").FillAsync("Be careful.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise alert" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("too short to act on");
        await AssertAccessibleAsync(page);

        // An invalid NHS number is refused.
        await page.GotoAsync("/people/new");
        await page.GetByLabel("Child", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Given name").FillAsync("Ada");
        await page.GetByLabel("Family name").FillAsync("Testperson");
        await page.GetByLabel("NHS number (optional)").FillAsync("943 476 5918");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("NHS number");
        await AssertAccessibleAsync(page);

        // The pages around the record.
        foreach (var path in new[] { $"/people/{zofia.Value}/team", $"/people/{zofia.Value}/team/new", $"/people/{zofia.Value}/legal-status",
            $"/people/{zofia.Value}/diagnoses/new", "/alerts/reviews", "/account" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} returned {response?.Status}");
            await AssertAccessibleAsync(page);
        }

        await page.GotoAsync($"/people/{zofia.Value}");
        await page.Locator("#chronology ~ article h3 a").First.ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded", new() { Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_safeguarding_lead_reads_the_audit_log()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, Accounts.SafeguardingLead);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.GetByLabel("Refused and failed only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search the log" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_police_notification_is_received_and_actioned_by_the_front_door_and_the_officer_sees_it_confirmed()
    {
        var police = await fixture.App.ApiAsAsync(Accounts.Police);
        police.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var subject = "Child present at incident " + Guid.NewGuid().ToString("N")[..6];

        await using var officerContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var officer = await officerContext.NewPageAsync();
        await SignInAsync(officer, Accounts.Police);
        await officer.GotoAsync($"/people/{child}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Share information" }).ClickAsync();
        await AssertAccessibleAsync(officer);
        await officer.GetByLabel("What are you sharing?").SelectOptionAsync("PoliceNotification");
        await officer.GetByLabel("Agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cairnmoor Children's Services" });
        await officer.GetByLabel("Team (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Front Door (MASH) (Cairnmoor Children's Services)" });
        await officer.GetByLabel("Within a number of working days").CheckAsync();
        await officer.GetByLabel("Working days to act (if not urgent)").FillAsync("2");
        await officer.GetByLabel("Subject").FillAsync(subject);
        await officer.GetByLabel("Message").FillAsync("Officers attended a domestic incident; the child was in the house and saw the assault.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Send share" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(officer);

        await using var frontDoorContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var frontDoor = await frontDoorContext.NewPageAsync();
        await SignInAsync(frontDoor, Accounts.FrontDoor);
        await frontDoor.GotoAsync("/shares?box=Team");
        await AssertAccessibleAsync(frontDoor);
        await frontDoor.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await frontDoor.GetByRole(AriaRole.Button, new() { Name = "Confirm I have received this" }).ClickAsync();
        await Assertions.Expect(frontDoor.Locator(".govuk-notification-banner")).ToContainTextAsync("Receipt confirmed");
        await AssertAccessibleAsync(frontDoor);
        await frontDoor.GetByLabel("What was done or decided").FillAsync("Contact opened; strategy discussion with police today");
        await frontDoor.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Assertions.Expect(frontDoor.Locator(".govuk-notification-banner")).ToContainTextAsync("Action recorded");

        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator(".govuk-tag").First).ToHaveTextAsync("Actioned");
        await Assertions.Expect(officer.GetByText("Contact opened; strategy discussion with police today").First).ToBeVisibleAsync();
        await officer.GotoAsync("/notifications");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Your share has been actioned" }).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(officer);
    }

    [Fact]
    public async Task A_police_notification_reaches_the_front_door_whose_triage_shows_the_whole_picture_and_a_manager_signs_off()
    {
        var police = await fixture.App.ApiAsAsync(Accounts.Police);
        police.BaseAddress = new Uri(fixture.App.RootUrl);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var reference = "CM-" + Guid.NewGuid().ToString("N")[..6];

        await using var officerContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var officer = await officerContext.NewPageAsync();
        await SignInAsync(officer, Accounts.Police);
        await officer.GotoAsync($"/people/{child}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Record a police notification" }).ClickAsync();
        await AssertAccessibleAsync(officer);
        await officer.GetByLabel("Type of incident").SelectOptionAsync("DomesticAbuse");
        await officer.GetByLabel("Police incident reference").FillAsync(reference);
        await officer.GetByLabel("What happened, and what officers saw of the children").FillAsync("Officers attended a domestic incident; the child was in the room and was upset.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record police notification" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".govuk-error-summary")).ToContainTextAsync("Select the DASH risk level");
        await AssertAccessibleAsync(officer);
        await officer.GetByLabel("High").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record police notification" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("Police notification recorded: 1 contact");

        await using var frontDoorContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var frontDoor = await frontDoorContext.NewPageAsync();
        await SignInAsync(frontDoor, Accounts.FrontDoor);
        await frontDoor.GotoAsync("/front-door");
        await AssertAccessibleAsync(frontDoor);
        await frontDoor.GotoAsync($"/people/{child}");
        await frontDoor.Locator("#contacts + ul a").First.ClickAsync();
        await Assertions.Expect(frontDoor.GetByRole(AriaRole.Heading, new() { Name = "The whole picture" })).ToBeVisibleAsync();
        await Assertions.Expect(frontDoor.Locator("#picture ~ section").First).ToContainTextAsync("Police notification: domestic abuse, DASH risk high");
        await AssertAccessibleAsync(frontDoor);
        await frontDoor.GetByLabel("Statutory").CheckAsync();
        await frontDoor.GetByLabel("strategy discussion (s47)").CheckAsync();
        await frontDoor.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(frontDoor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reasons for the decision");
        await AssertAccessibleAsync(frontDoor);
        await frontDoor.GetByLabel("Statutory").CheckAsync();
        await frontDoor.GetByLabel("strategy discussion (s47)").CheckAsync();
        await frontDoor.GetByLabel("High-risk domestic abuse (DASH high), or abuse in a household with a child under two").CheckAsync();
        await frontDoor.GetByLabel("Reasons for the decision").FillAsync("High-risk domestic abuse with the child present; police and health must agree next steps today.");
        await frontDoor.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(frontDoor.Locator(".govuk-notification-banner--success")).ToContainTextAsync("needs a manager's sign-off");
        var contactUrl = frontDoor.Url;

        await using var managerContext = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.RootUrl });
        var manager = await managerContext.NewPageAsync();
        await SignInAsync(manager, "ellis.ward@cairnmoor.example");
        await manager.GotoAsync(contactUrl);
        await AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner--success")).ToContainTextAsync("A strategy discussion is now required");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Open the strategy discussion" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Strategy discussion about");
        await AssertAccessibleAsync(manager);
    }

    private static Task SignInAsync(IPage page, string email) => BrowserPages.SignInAsync(page, email);

    private static Task AssertAccessibleAsync(IPage page) => BrowserPages.AssertAccessibleAsync(page);
}
