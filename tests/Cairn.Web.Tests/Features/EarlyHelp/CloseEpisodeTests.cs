using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[Collection(EarlyHelpEpisodeGroup.Name)]
public sealed class CloseEpisodeTests(CairnFactory factory) : EarlyHelpEpisodeScenario(factory)
{
    [Fact]
    public async Task Closing_with_no_concerns_remaining_closes_at_once_even_when_the_family_disengaged()
    {
        var (api, _, id) = await OpenEpisodeAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "FamilyDisengaged", closedOn = Today, version = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var episode = await EpisodeAsync(id);
        Assert.Equal((EarlyHelpStatus.Closed, (ContactId?)null), (episode.Status, episode.FrontDoorContactId));
    }

    [Fact]
    public async Task A_close_without_a_reason_is_refused_and_the_episode_stays_open()
    {
        var (api, _, id) = await OpenEpisodeAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { closedOn = Today, version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(EarlyHelpStatus.Open, (await EpisodeAsync(id)).Status);
    }

    [Fact]
    public async Task Disengagement_with_an_active_alert_goes_to_the_front_door_and_closes_only_after_the_decision_is_signed_off()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        await Factory.AlertAsync(new PersonId(child), Accounts.SocialWorker, "Risk from mother's former partner");
        var childName = await Factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.GivenName).SingleAsync());

        var asked = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "FamilyDisengaged", closedOn = Today, note = "No answer to three visits", version = 1 });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var body = await asked.JsonAsync();
        Assert.Equal("AwaitingFrontDoorCheck", body.GetProperty("status").GetString());
        var contactId = new ContactId(body.GetProperty("frontDoorContactId").GetGuid());
        var contact = await Factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        var socialWorker = await Factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.Equal((ContactSource.EarlyHelpClosure, ContactStatus.AwaitingDecision, (ProfessionalId?)socialWorker, new PersonId(child)),
            (contact.Source, contact.Status, contact.ReferredBy, contact.ChildId));
        Assert.Equal("Sam Okoro", contact.Referrer.Name);
        Assert.Contains("disengaged", contact.Concerns, StringComparison.Ordinal);
        Assert.DoesNotContain(childName, contact.Concerns, StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.request-front-door-check" && a.RecordId == id)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.receive" && a.RecordId == contactId.Value)));

        // Until the front door decides, neither asking again nor completing closes it.
        var again = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 2 });
        var early = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("front door has not yet decided", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EarlyHelpStatus.AwaitingFrontDoorCheck, (await EpisodeAsync(id)).Status);

        // A decision waiting for sign-off is not enough.
        var frontDoor = await Factory.ProfessionalOfAsync(Accounts.FrontDoor);
        var manager = await Factory.ProfessionalOfAsync(Accounts.TeamManager);
        await ActOnContactAsync(contactId, c => c.Decide(new TriageDraft(ThresholdLevel.EarlyHelp, TriageOutcome.EarlyHelp,
            "Concerns are known to early help; offer a fresh early help approach with the school.", [new IndicatorSeen("EH-1", "Parenting support needed")]),
            frontDoor, c.Version, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 })).StatusCode);

        await ActOnContactAsync(contactId, c => c.SignOff(manager, true, null, c.Version, DateTimeOffset.UtcNow));
        var completed = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var episode = await EpisodeAsync(id);
        Assert.Equal((EarlyHelpStatus.Closed, ClosureReason.FamilyDisengaged, 3), (episode.Status, episode.ClosureReason, episode.Version));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.complete-closure" && a.RecordId == id)));
    }

    [Fact]
    public async Task A_recent_chronology_entry_with_concerns_also_sends_a_consent_withdrawal_to_the_front_door()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        var entry = await api.PostAsJsonAsync($"/api/v1/people/{child}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddDays(-10),
            category = "Incident",
            significance = "Significant",
            summary = "School reported the child arrived hungry and unkempt",
            concerns = Neglect,
        });
        Assert.True(entry.IsSuccessStatusCode, await entry.Content.ReadAsStringAsync());

        var asked = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "ConsentWithdrawn", closedOn = Today, version = 1 });

        Assert.Equal("AwaitingFrontDoorCheck", (await asked.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Closing_on_the_page_with_disengagement_and_an_alert_says_it_went_to_the_front_door()
    {
        var (_, child, id) = await OpenEpisodeAsync();
        await Factory.AlertAsync(new PersonId(child), Accounts.SocialWorker, "Risk from a visiting adult");
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/early-help/{id}/close";

        var response = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.Reason"] = "FamilyDisengaged",
            ["Input.ClosedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = "1",
        }));
        var view = await browser.GetStringAsync($"/early-help/{id}");
        var complete = await browser.PostAsync(path + "?handler=Complete", await Clients.FormAsync(browser, path, new() { ["Input.Version"] = "2" }));
        var html = await complete.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Awaiting the front door check", view, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("front door has not yet decided", html, StringComparison.Ordinal);
        Assert.Equal(EarlyHelpStatus.AwaitingFrontDoorCheck, (await EpisodeAsync(id)).Status);
    }
}
