using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Children.Team;

public sealed class TeamTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<HttpResponseMessage> AddAsync(HttpClient api, Guid child, string email, string role, bool makeLead = false) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new
        {
            professionalId = await factory.ProfessionalIdAsync(email),
            role,
            startedOn = Today.AddDays(-1),
            makeLead,
        });

    private static JsonElement Member(JsonElement team, string list, string name) =>
        team.GetProperty(list).EnumerateArray().Single(i => i.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_allocated_social_worker_adds_a_health_visitor_who_can_then_open_the_record()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var visitor = await factory.ApiAsAsync(Accounts.HealthVisitor);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/people/{child}")).StatusCode);

        var response = await AddAsync(api, child, Accounts.HealthVisitor, "HealthVisitor");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(body.GetProperty("isLeadProfessional").GetBoolean());
        var team = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/team");
        Assert.Equal(2, team.GetProperty("current").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/v1/people/{child}")).StatusCode);
        var id = body.GetProperty("id").GetGuid();
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "involvement.add" && a.RecordId == id && a.PersonId == child)));
    }

    [Fact]
    public async Task Making_a_new_lead_moves_the_role_so_there_is_exactly_one()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await AddAsync(api, child, Accounts.HealthVisitor, "HealthVisitor", makeLead: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var team = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/team");
        var leads = team.GetProperty("current").EnumerateArray().Where(i => i.GetProperty("isLeadProfessional").GetBoolean()).ToList();
        var lead = Assert.Single(leads);
        Assert.Equal(await factory.ProfessionalIdAsync(Accounts.HealthVisitor), lead.GetProperty("professionalId").GetGuid());
    }

    [Fact]
    public async Task A_practitioner_cannot_add_another_agencys_professional_and_nothing_changes()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await AddAsync(api, child, Accounts.HealthVisitor, "HealthVisitor");
        var visitor = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var before = await factory.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == new PersonId(child)));

        var response = await AddAsync(visitor, child, Accounts.Police, "PoliceOfficer");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("your own agency", problem.GetProperty("errors").GetProperty("professionalId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == new PersonId(child))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "involvement.add" && a.PersonId == child && a.Outcome == "refused")));
    }

    [Fact]
    public async Task The_lead_cannot_leave_while_others_carry_on_until_the_role_moves()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await AddAsync(api, child, Accounts.HealthVisitor, "HealthVisitor");
        var team = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/team");
        var lead = team.GetProperty("current").EnumerateArray().Single(i => i.GetProperty("isLeadProfessional").GetBoolean());
        var visitor = team.GetProperty("current").EnumerateArray().Single(i => !i.GetProperty("isLeadProfessional").GetBoolean());
        var leadId = lead.GetProperty("id").GetGuid();

        var refused = await api.PostAsJsonAsync($"/api/v1/involvements/{leadId}/end", new { endedOn = Today, version = lead.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lead professional", (await refused.JsonAsync()).GetProperty("errors").GetProperty("involvementId")[0].GetString(), StringComparison.Ordinal);

        var moved = await api.PostAsJsonAsync($"/api/v1/involvements/{visitor.GetProperty("id").GetGuid()}/lead", new { version = visitor.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var leadNow = await factory.WithDbAsync(db => db.Involvements.SingleAsync(i => i.Id == new InvolvementId(leadId)));
        var ended = await api.PostAsJsonAsync($"/api/v1/involvements/{leadId}/end", new { endedOn = Today, version = leadNow.Version });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Involvements.SingleAsync(i => i.Id == new InvolvementId(leadId)));
        Assert.Equal(Today, stored.EndedOn);
        Assert.False(stored.IsLeadProfessional);
    }

    [Fact]
    public async Task Ending_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var added = await (await AddAsync(api, child, Accounts.HealthVisitor, "HealthVisitor")).JsonAsync();
        var id = added.GetProperty("id").GetGuid();
        var version = added.GetProperty("version").GetInt32();
        // Someone else changes it first: the health visitor becomes lead (version goes up).
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/involvements/{id}/lead", new { version })).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/involvements/{id}/end", new { endedOn = Today, version });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await factory.WithDbAsync(db => db.Involvements.SingleAsync(i => i.Id == new InvolvementId(id)))).EndedOn);
    }

    [Fact]
    public async Task Someone_not_involved_gets_404_for_the_team_and_cannot_join_it()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        var before = await factory.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == new PersonId(child)));

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AddAsync(outsider, child, Accounts.Uninvolved, "Other")).StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task The_page_lists_the_team_and_an_incomplete_form_gets_an_error_summary()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var page = await browser.GetStringAsync($"/people/{child}/team");
        Assert.Contains("Lead professional", page, StringComparison.Ordinal);

        var form = await Clients.FormAsync(browser, $"/people/{child}/team/new", new() { ["Input.Role"] = "HealthVisitor", ["Input.StartedOn"] = "" });
        var response = await browser.PostAsync($"/people/{child}/team/new", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the professional", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Involvements.CountAsync(i => i.ChildId == new PersonId(child))));
    }
}
