using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.EarlyHelp;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.EarlyHelp;

[Collection(EarlyHelpEpisodeGroup.Name)]
public sealed class EpisodeAccessTests(CairnFactory factory) : EarlyHelpEpisodeScenario(factory)
{
    [Fact]
    public async Task An_involved_police_officer_may_read_but_not_start_change_or_close_an_episode()
    {
        var (api, child, id) = await OpenEpisodeAsync();
        var officer = await Factory.ProfessionalOfAsync(Accounts.Police);
        await JoinTeamAsync(api, child, officer, "PoliceOfficer");
        var police = await Factory.ApiAsAsync(Accounts.Police);

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
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.close" && a.RecordId == id && a.Outcome == "refused")));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "early-help.start" && a.PersonId == other && a.Outcome == "refused")));
    }

    [Fact]
    public async Task An_early_help_worker_from_another_agency_may_start_and_as_lead_close_an_episode()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var visitor = await Factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        await JoinTeamAsync(api, child, visitor, "EarlyHelpWorker");
        var health = await Factory.ApiAsAsync(Accounts.HealthVisitor);

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
        var outsider = await Factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/early-help/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/early-help")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "OutcomesMet", closedOn = Today, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(outsider, child, await Factory.ProfessionalOfAsync(Accounts.Uninvolved))).StatusCode);

        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var closed = await frontDoor.PostAsJsonAsync($"/api/v1/early-help/{id}/close", new { reason = "MovedAway", closedOn = Today, version = 1 });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(EarlyHelpStatus.Closed, (await EpisodeAsync(id)).Status);
    }
}
