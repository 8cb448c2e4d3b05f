using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.AdultWorkers;

/// <summary>
/// A parent's own allocated workers (L29): children's social care links and ends any agency's worker, another agency only its
/// own; someone who may not open the parent's record gets 404; bad input and a stale version change nothing; the child's family
/// page shows each parent's worker as invited to conferences automatically.
/// </summary>
public sealed class AdultWorkersTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => MeetingsPeopleTestData.Today;

    private static object Link(ProfessionalId worker, string service = "AdultSocialCare", DateOnly? startedOn = null) =>
        new { professionalId = worker.Value, service, startedOn = startedOn ?? Today.AddDays(-30) };

    private Task<int> CountAsync(PersonId adult) => factory.WithDbAsync(db => db.AdultWorkers.CountAsync(w => w.AdultId == adult));

    [Fact]
    public async Task Childrens_social_care_links_any_agencys_worker_and_the_childs_family_page_shows_them_invited_automatically()
    {
        var (api, child, parents) = await factory.FamilyAsync();
        var mother = parents[0];
        var (owen, asc) = await factory.NamedAsync("Owen Rees");

        var linked = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen));

        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        var body = await linked.JsonAsync();
        Assert.Equal(("Owen Rees", "adult social care", true), (body.GetProperty("name").GetString(), body.GetProperty("serviceName").GetString(),
            body.GetProperty("isCurrent").GetBoolean()));
        var row = await factory.WithDbAsync(db => db.AdultWorkers.SingleAsync(w => w.AdultId == mother));
        Assert.Equal((owen, asc, Today.AddDays(-30)), (row.ProfessionalId, row.AgencyId, row.StartedOn));
        Assert.True(await factory.AuditedAsync("adult-worker.link", mother));

        var family = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/family");
        var shown = Assert.Single(family.GetProperty("parentsWorkers").EnumerateArray());
        Assert.Equal(("Owen Rees", true), (shown.GetProperty("workerName").GetString(), shown.GetProperty("invitedAutomatically").GetBoolean()));
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/family");
        Assert.Contains("id=\"parents-workers\"", page, StringComparison.Ordinal);
        Assert.Contains("Owen Rees", page, StringComparison.Ordinal);
        Assert.Contains("Invited to conferences automatically", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agency_links_and_ends_only_its_own_workers_and_is_refused_anyone_elses_with_nothing_changed()
    {
        var (api, _, parents, police) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer");
        var mother = parents[0];
        var colleague = await factory.WithDbAsync(db => db.Professionals
            .Where(p => p.AgencyId == police.Agency && p.Id != police.Id && p.IsActive).Select(p => p.Id).FirstAsync());
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        var byPolice = await factory.ApiAsAsync(Accounts.Police);
        var owensLink = await (await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen))).JsonAsync();

        var refusedLink = await byPolice.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen, "MentalHealth"));
        var refusedEnd = await byPolice.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers/{owensLink.GetProperty("id").GetInt64()}/end",
            new { endedOn = Today, version = 1 });
        var ownLink = await byPolice.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(colleague, "Probation"));
        var ownId = (await ownLink.JsonAsync()).GetProperty("id").GetInt64();
        var ownEnd = await byPolice.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers/{ownId}/end", new { endedOn = Today, version = 1 });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (refusedLink.StatusCode, refusedEnd.StatusCode));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (ownLink.StatusCode, ownEnd.StatusCode));
        var rows = await factory.WithDbAsync(db => db.AdultWorkers.Where(w => w.AdultId == mother).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Null(rows.Single(w => w.ProfessionalId == owen).EndedOn);
        Assert.Equal(Today, rows.Single(w => w.ProfessionalId == colleague).EndedOn);
        Assert.True(await factory.AuditedAsync("adult-worker.link", mother, "refused"));
        Assert.True(await factory.AuditedAsync("adult-worker.end", mother, "refused"));
        Assert.True(await factory.AuditedAsync("adult-worker.end", mother));
        // The list offers the police only their own agency's workers, and the end link only on their own.
        var list = await byPolice.GetFromJsonAsync<JsonElement>($"/api/v1/people/{mother.Value}/allocated-workers");
        Assert.False(list.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "Owen Rees")
            .GetProperty("mayEnd").GetBoolean());
    }

    [Fact]
    public async Task Someone_who_may_not_open_the_parents_record_gets_404_for_every_route_and_nothing_is_linked()
    {
        var (_, _, parents) = await factory.FamilyAsync();
        var mother = parents[0];
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        var casey = await factory.ApiAsAsync(Accounts.Uninvolved);
        var browser = await factory.SignedInAsAsync(Accounts.Uninvolved);

        var list = await casey.GetAsync($"/api/v1/people/{mother.Value}/allocated-workers");
        var link = await casey.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen));
        var page = await browser.GetAsync($"/people/{mother.Value}/allocated-workers/new");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (list.StatusCode, link.StatusCode, page.StatusCode));
        Assert.Equal(0, await CountAsync(mother));
    }

    [Fact]
    public async Task A_future_date_a_child_an_unknown_worker_or_the_same_worker_twice_is_refused_and_nothing_is_changed()
    {
        var (api, child, parents) = await factory.FamilyAsync();
        var mother = parents[0];
        var (owen, _) = await factory.NamedAsync("Owen Rees");

        var future = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen, startedOn: Today.AddDays(1)));
        var forChild = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/allocated-workers", Link(owen));
        var unknown = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(new ProfessionalId(Guid.NewGuid())));
        var noService = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers",
            new { professionalId = owen.Value, startedOn = Today });

        foreach (var (response, field) in new[] { (future, "startedOn"), (forChild, "adultId"), (unknown, "professionalId"), (noService, "service") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }

        Assert.Equal((0, 0), (await CountAsync(mother), await CountAsync(child)));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen))).StatusCode);
        var twice = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen, "MentalHealth"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(1, await CountAsync(mother));
    }

    [Fact]
    public async Task Ending_with_a_stale_version_is_409_and_the_worker_stays_current_and_an_ended_worker_leaves_the_family_page()
    {
        var (api, child, parents) = await factory.FamilyAsync();
        var mother = parents[0];
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        var id = (await (await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen))).JsonAsync())
            .GetProperty("id").GetInt64();

        var stale = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers/{id}/end", new { endedOn = Today, version = 0 });
        var beforeStart = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers/{id}/end",
            new { endedOn = Today.AddDays(-31), version = 1 });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (stale.StatusCode, beforeStart.StatusCode));
        Assert.Null(await factory.WithDbAsync(db => db.AdultWorkers.Where(w => w.Id == id).Select(w => w.EndedOn).SingleAsync()));

        var ended = await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers/{id}/end",
            new { endedOn = Today.AddDays(-1), version = 1 });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var family = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/family");
        Assert.Equal(0, family.GetProperty("parentsWorkers").GetArrayLength());
    }

    [Fact]
    public async Task The_adults_record_links_to_the_list_whose_end_page_shows_the_form_only_where_the_viewer_may_end()
    {
        var (api, _, parents, _) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer");
        var mother = parents[0];
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        var id = (await (await api.PostAsJsonAsync($"/api/v1/people/{mother.Value}/allocated-workers", Link(owen))).JsonAsync())
            .GetProperty("id").GetInt64();
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var byPolice = await factory.SignedInAsAsync(Accounts.Police);

        Assert.Contains($"href=\"/people/{mother.Value}/allocated-workers\"", await worker.GetStringAsync($"/people/{mother.Value}"),
            StringComparison.Ordinal);
        var list = await worker.GetStringAsync($"/people/{mother.Value}/allocated-workers");
        Assert.Contains($"/allocated-workers/{id}/end", list, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" novalidate>", await worker.GetStringAsync($"/people/{mother.Value}/allocated-workers/{id}/end"),
            StringComparison.Ordinal);
        Assert.DoesNotContain($"/allocated-workers/{id}/end", await byPolice.GetStringAsync($"/people/{mother.Value}/allocated-workers"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" novalidate>", await byPolice.GetStringAsync($"/people/{mother.Value}/allocated-workers/{id}/end"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_page_takes_a_govuk_date_and_shows_a_missing_service_in_the_error_summary()
    {
        var (_, _, parents) = await factory.FamilyAsync();
        var mother = parents[0];
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{mother.Value}/allocated-workers/new";
        var start = Today.AddDays(-3);
        Dictionary<string, string> Fields(string? service) => new()
        {
            ["Input.ProfessionalId"] = owen.Value.ToString(),
            ["Input.Service"] = service ?? "",
            ["Input.StartedOn.Day"] = start.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.StartedOn.Month"] = start.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.StartedOn.Year"] = start.Year.ToString(CultureInfo.InvariantCulture),
        };

        var refused = await browser.PostAsync(path, await Clients.FormAsync(browser, path, Fields(null)));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select the service the worker is from", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(mother));

        var done = await browser.PostAsync(path, await Clients.FormAsync(browser, path, Fields("MentalHealth")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var row = await factory.WithDbAsync(db => db.AdultWorkers.SingleAsync(w => w.AdultId == mother));
        Assert.Equal((start, Cairn.Domain.People.AdultService.MentalHealth), (row.StartedOn, row.Service));
        var list = await browser.GetStringAsync($"/people/{mother.Value}/allocated-workers");
        Assert.Contains("mental health services", list, StringComparison.Ordinal);
    }
}
