using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Auditing.AuditLogSearch;

public sealed class AuditLogSearchTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task The_safeguarding_lead_sees_who_opened_a_childs_record_and_who_was_refused()
    {
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await social.CreateChildAsync();
        await social.GetAsync($"/api/v1/people/{child}");
        await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/people/{child}");
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);

        var log = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/audit?person={child}");

        var lines = log.GetProperty("lines").EnumerateArray().ToList();
        var socialWorker = await factory.ProfessionalIdAsync(Accounts.SocialWorker);
        var outsider = await factory.ProfessionalIdAsync(Accounts.Uninvolved);
        Assert.Contains(lines, l => l.GetProperty("actorId").GetGuid() == socialWorker && l.GetProperty("action").GetString() == "person.view");
        Assert.Contains(lines, l => l.GetProperty("actorId").GetGuid() == outsider && l.GetProperty("outcome").GetString() == "refused");
        Assert.All(lines, l => Assert.Equal(child, l.GetProperty("personId").GetGuid()));
    }

    [Fact]
    public async Task Searching_the_log_is_itself_logged()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var me = await factory.ProfessionalIdAsync(Accounts.SafeguardingLead);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "audit.search" && a.ActorId == me));

        await lead.GetAsync("/api/v1/audit?refusedOnly=true");

        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "audit.search" && a.ActorId == me)));
    }

    [Theory]
    [InlineData(Accounts.SocialWorker)]
    [InlineData(Accounts.FrontDoor)]
    [InlineData(Accounts.TeamManager)]
    public async Task Practitioners_and_managers_cannot_read_the_log(string email)
    {
        var api = await factory.ApiAsAsync(email);
        var browser = await factory.SignedInAsAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_reads_the_log_without_the_names_of_people()
    {
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await social.CreateChildAsync();
        var admin = await factory.ApiAsAsync(Accounts.Administrator);

        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?person={child}");

        var lines = log.GetProperty("lines").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("person").ValueKind));
    }

    [Fact]
    public async Task Pages_follow_on_without_overlap()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        for (var i = 0; i < 55; i++)
        {
            // Each search is itself logged, so this guarantees more than one page.
            await lead.GetAsync("/api/v1/audit?action=none");
        }

        var first = await lead.GetFromJsonAsync<JsonElement>("/api/v1/audit");
        var next = first.GetProperty("next").GetInt64();
        var second = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/audit?before={next}");

        var firstSeqs = first.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sequence").GetInt64()).ToList();
        var secondSeqs = second.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(50, firstSeqs.Count);
        Assert.True(secondSeqs.Max() < firstSeqs.Min());
    }

    [Fact]
    public async Task Dates_the_wrong_way_round_are_refused_clearly()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var browser = await factory.SignedInAsAsync(Accounts.SafeguardingLead);

        var response = await lead.GetAsync("/api/v1/audit?from=2026-05-02&to=2026-05-01");
        var page = await browser.GetStringAsync("/audit?from=2026-05-02&to=2026-05-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
    }
}
