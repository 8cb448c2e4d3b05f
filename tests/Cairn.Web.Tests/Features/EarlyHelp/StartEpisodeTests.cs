using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[Collection(EarlyHelpEpisodeGroup.Name)]
public sealed class StartEpisodeTests(CairnFactory factory) : EarlyHelpEpisodeScenario(factory)
{
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
        Assert.Equal(LegalStatusKind.EarlyHelp, await Factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.start" && a.RecordId == id)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.view" && a.PersonId == child)));
    }

    [Fact]
    public async Task Starting_never_replaces_a_higher_legal_status()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var status = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status",
            new { kind = "ChildInNeed", from = Today.AddDays(-60), reason = "Child and family assessment outcome" });
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, (await StartAsync(api, child, await Factory.ProfessionalOfAsync(Accounts.SocialWorker))).StatusCode);

        Assert.Equal(LegalStatusKind.ChildInNeed, await Factory.WithDbAsync(db =>
            db.LegalStatuses.Where(s => s.ChildId == new PersonId(child) && s.To == null).Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task An_episode_without_consent_or_lead_is_refused_naming_each_and_nothing_is_saved()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
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
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await StartAsync(api, child, await Factory.ProfessionalOfAsync(Accounts.Police));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("leadProfessionalId", out _));
        Assert.Equal(0, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task A_second_open_episode_is_refused()
    {
        var (api, child, _) = await OpenEpisodeAsync();

        var response = await StartAsync(api, child, await Factory.ProfessionalOfAsync(Accounts.SocialWorker));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await EpisodesOfAsync(child));
    }

    [Fact]
    public async Task Starting_on_the_page_without_consent_shows_the_error_summary_and_saves_nothing()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/early-help/new";
        var lead = await Factory.ProfessionalOfAsync(Accounts.SocialWorker);

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
}
