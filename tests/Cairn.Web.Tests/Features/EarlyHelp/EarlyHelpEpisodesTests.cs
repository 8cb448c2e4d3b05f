using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

public sealed class EarlyHelpEpisodesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly string[] Neglect = ["Neglect"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object AnEpisode(ProfessionalId lead) => new
    {
        startedOn = Today.AddDays(-20),
        leadProfessionalId = lead.Value,
        consentGivenBy = "Mother",
        consentGivenOn = Today.AddDays(-21),
        consentMethod = "Written",
    };

    private static async Task<HttpResponseMessage> StartAsync(HttpClient api, Guid child, ProfessionalId lead) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child}/early-help", AnEpisode(lead));

    /// <summary>A child with the social worker as allocated worker and lead, and an open episode they lead.</summary>
    private async Task<(HttpClient Api, Guid Child, Guid Episode)> OpenEpisodeAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var started = await StartAsync(api, child, await factory.ProfessionalOfAsync(Accounts.SocialWorker));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (api, child, (await started.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task JoinTeamAsync(HttpClient api, Guid child, ProfessionalId professional, string role)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new { professionalId = professional.Value, role, startedOn = Today.AddDays(-5) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<int> EpisodesOfAsync(Guid child) =>
        factory.WithDbAsync(db => db.EarlyHelpEpisodes.CountAsync(e => e.ChildId == new PersonId(child)));

    private Task<EarlyHelpEpisode> EpisodeAsync(Guid id) =>
        factory.WithDbAsync(db => db.EarlyHelpEpisodes.AsNoTracking().Include(e => e.Events).SingleAsync(e => e.Id == new EarlyHelpEpisodeId(id)));

    [Fact]
    public async Task Starting_records_consent_lead_and_plan_and_the_legal_status_early_help()
    {
        var (api, child, id) = await OpenEpisodeAsync();

        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/early-help/{id}");

        Assert.Equal("Open", details.GetProperty("status").GetString());
        Assert.Equal("Sam Okoro", details.GetProperty("lead").GetProperty("name").GetString());
        Assert.Equal("Mother", details.GetProperty("consent").GetProperty("givenBy").GetString());
        Assert.Equal("Written", details.GetProperty("consent").GetProperty("method").GetString());
        Assert.True(details.GetProperty("mayManage").GetBoolean());
        Assert.Equal(LegalStatusKind.EarlyHelp, await factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.start" && a.RecordId == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.view" && a.PersonId == child)));
    }

    [Fact]
    public async Task Starting_never_replaces_a_higher_legal_status()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var status = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status",
            new { kind = "ChildInNeed", from = Today.AddDays(-60), reason = "Child and family assessment outcome" });
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, (await StartAsync(api, child, await factory.ProfessionalOfAsync(Accounts.SocialWorker))).StatusCode);

        Assert.Equal(LegalStatusKind.ChildInNeed, await factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task An_episode_without_consent_or_lead_is_refused_naming_each_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/early-help", new { startedOn = Today });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "leadProfessionalId", "consentGivenBy", "consentGivenOn", "consentMethod" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(0, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task The_lead_must_be_in_the_team_around_the_child()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await StartAsync(api, child, await factory.ProfessionalOfAsync(Accounts.Police));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("leadProfessionalId", out _));
        Assert.Equal(0, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task A_second_open_episode_is_refused()
    {
        var (api, child, _) = await OpenEpisodeAsync();

        var response = await StartAsync(api, child, await factory.ProfessionalOfAsync(Accounts.SocialWorker));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task An_involved_police_officer_may_read_but_not_start_change_or_close_an_episode()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        var officer = await factory.ProfessionalOfAsync(Accounts.Police);
        await JoinTeamAsync(api, child, officer, "PoliceOfficer");
        var police = await factory.ApiAsAsync(Accounts.Police);

        var read = await police.GetFromJsonAsync<JsonElement>($"/api/v1/early-help/{id}");
        var close = await police.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 1 });
        var lead = await police.PostAsJsonAsync($"/api/v1/early-help/{id}/lead", new { leadProfessionalId = officer.Value, reason = "Police will lead", version = 1 });
        var other = await api.CreateChildAsync();
        await JoinTeamAsync(api, other, officer, "PoliceOfficer");
        var start = await StartAsync(police, other, officer);

        Assert.False(read.GetProperty("mayManage").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, close.StatusCode);
        Assert.Contains(EarlyHelpAccess.Refused, await close.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lead.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        var episode = await EpisodeAsync(id);
        Assert.Equal((EarlyHelpStatus.Open, 1), (episode.Status, episode.Version));
        Assert.Equal(0, await EpisodesOfAsync(other));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.close" && a.RecordId == id && a.Outcome == "refused")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.start" && a.PersonId == other && a.Outcome == "refused")));
    }

    [Fact]
    public async Task An_early_help_worker_from_another_agency_may_start_and_as_lead_close_an_episode()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, child, visitor, "EarlyHelpWorker");
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var started = await StartAsync(health, child, visitor);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        var closed = await health.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 1 });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await closed.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_front_door_may_close_an_episode_and_someone_not_involved_sees_nothing()
    {
        var (_, child, id) = await OpenEpisodeAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/early-help/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/early-help")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, child, await factory.ProfessionalOfAsync(Accounts.Uninvolved))).StatusCode);

        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var closed = await frontDoor.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "MovedAway", closedOn = Today, version = 1 });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(EarlyHelpStatus.Closed, (await EpisodeAsync(id)).Status);
    }

    [Fact]
    public async Task Changing_the_lead_keeps_the_history_and_a_stale_change_is_a_conflict()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, child, visitor, "HealthVisitor");

        var changed = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/lead", new { leadProfessionalId = visitor.Value, reason = "Family know the health visitor best", version = 1 });
        var stale = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/lead",
            new { leadProfessionalId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value, reason = "Back again", version = 1 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/early-help/{id}");
        Assert.Equal("Nadia Hussain", details.GetProperty("lead").GetProperty("name").GetString());
        var change = details.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("LeadProfessionalChanged", "Sam Okoro", "Nadia Hussain"),
            (change.GetProperty("kind").GetString(), change.GetProperty("fromLead").GetString(), change.GetProperty("toLead").GetString()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.change-lead" && a.RecordId == id)));
    }

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
        await factory.AlertAsync(new PersonId(child), Accounts.SocialWorker, "Risk from mother's former partner");
        var childName = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.GivenName).SingleAsync());

        var asked = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "FamilyDisengaged", closedOn = Today, note = "No answer to three visits", version = 1 });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var body = await asked.JsonAsync();
        Assert.Equal("AwaitingFrontDoorCheck", body.GetProperty("status").GetString());
        var contactId = new ContactId(body.GetProperty("frontDoorContactId").GetGuid());
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        var socialWorker = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.Equal((ContactSource.EarlyHelpClosure, ContactStatus.AwaitingDecision, (ProfessionalId?)socialWorker, new PersonId(child)),
            (contact.Source, contact.Status, contact.ReferredBy, contact.ChildId));
        Assert.Equal("Sam Okoro", contact.Referrer.Name);
        Assert.Contains("disengaged", contact.Concerns, StringComparison.Ordinal);
        Assert.DoesNotContain(childName, contact.Concerns, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.request-front-door-check" && a.RecordId == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.receive" && a.RecordId == contactId.Value)));

        // Until the front door decides, neither asking again nor completing closes it.
        var again = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 2 });
        var early = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("front door has not yet decided", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EarlyHelpStatus.AwaitingFrontDoorCheck, (await EpisodeAsync(id)).Status);

        // A decision waiting for sign-off is not enough.
        var frontDoor = await factory.ProfessionalOfAsync(Accounts.FrontDoor);
        var manager = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        await ActOnContactAsync(contactId, c => c.Decide(new TriageDraft(ThresholdLevel.EarlyHelp, TriageOutcome.EarlyHelp,
            "Concerns are known to early help; offer a fresh early help approach with the school.", [new IndicatorSeen("EH-1", "Parenting support needed")]),
            frontDoor, c.Version, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 })).StatusCode);

        await ActOnContactAsync(contactId, c => c.SignOff(manager, true, null, c.Version, DateTimeOffset.UtcNow));
        var completed = await api.PostAsJsonAsync($"/api/v1/early-help/{id}/complete-closure", new { version = 2 });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var episode = await EpisodeAsync(id);
        Assert.Equal((EarlyHelpStatus.Closed, ClosureReason.FamilyDisengaged, 3), (episode.Status, episode.ClosureReason, episode.Version));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.complete-closure" && a.RecordId == id)));
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

    private async Task ActOnContactAsync(ContactId id, Func<Contact, Refusal?> act) =>
        await factory.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.Include(c => c.Events).SingleAsync(c => c.Id == id);
            Assert.Null(act(contact));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_pages_show_the_episode_and_its_actions()
    {
        var (_, child, id) = await OpenEpisodeAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var childPage = await browser.GetStringAsync($"/people/{child}");
        var list = await browser.GetStringAsync($"/people/{child}/early-help");
        var view = await browser.GetStringAsync($"/early-help/{id}");
        var lead = await browser.GetAsync($"/early-help/{id}/lead");
        var close = await browser.GetStringAsync($"/early-help/{id}/close");

        Assert.Contains($"/people/{child}/early-help", childPage, StringComparison.Ordinal);
        Assert.Contains($"/people/{child}/education", childPage, StringComparison.Ordinal);
        Assert.Contains($"/early-help/{id}", list, StringComparison.Ordinal);
        Assert.Contains("Given by Mother", view, StringComparison.Ordinal);
        Assert.Contains("Sam Okoro", view, StringComparison.Ordinal);
        Assert.Contains("Change the lead professional", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Contains("Why is the episode closing?", close, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_on_the_page_without_consent_shows_the_error_summary_and_saves_nothing()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/early-help/new";
        var lead = await factory.ProfessionalOfAsync(Accounts.SocialWorker);

        var response = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.StartedOn"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadProfessionalId"] = lead.Value.ToString(),
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Early help cannot start without consent", html, StringComparison.Ordinal);
        Assert.Equal(0, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task Closing_on_the_page_with_disengagement_and_an_alert_says_it_went_to_the_front_door()
    {
        var (_, child, id) = await OpenEpisodeAsync();
        await factory.AlertAsync(new PersonId(child), Accounts.SocialWorker, "Risk from a visiting adult");
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
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
