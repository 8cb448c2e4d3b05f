using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Chronology.AmendEntry;

public sealed class AmendEntryTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateTimeOffset When = DateTimeOffset.UtcNow.AddHours(-3);

    private static object Content(string summary, string? reason = null, int? version = null) => new
    {
        occurredAt = When,
        category = "Meeting",
        significance = "Routine",
        summary,
        reason,
        version,
    };

    private async Task<(HttpClient Api, Guid Child, Guid Entry)> AnEntryAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var created = await (await api.PostAsJsonAsync($"/api/v1/people/{child}/chronology", Content("Meeting with the school nurse"))).JsonAsync();
        return (api, child, created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_amendment_keeps_the_original_in_the_history_with_the_reason()
    {
        var (api, child, entry) = await AnEntryAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("Meeting with the school nurse and class teacher", "Teacher was also present", 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/chronology/{entry}");
        Assert.Equal("Meeting with the school nurse and class teacher", details.GetProperty("content").GetProperty("summary").GetString());
        var before = Assert.Single(details.GetProperty("history").EnumerateArray());
        Assert.Equal("Meeting with the school nurse", before.GetProperty("before").GetProperty("summary").GetString());
        Assert.Equal("Teacher was also present", before.GetProperty("reason").GetString());
        Assert.Equal(2, details.GetProperty("version").GetInt32());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "chronology.amend" && a.RecordId == entry && a.PersonId == child)));
    }

    [Fact]
    public async Task An_amendment_without_a_reason_is_refused_and_nothing_changes()
    {
        var (api, _, entry) = await AnEntryAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("Changed", null, 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var stored = await factory.WithDbAsync(db => db.ChronologyEntries.SingleAsync(e => e.Id == new ChronologyEntryId(entry)));
        Assert.Equal("Meeting with the school nurse", stored.Content.Summary);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Two_people_amending_the_same_version_the_second_gets_a_conflict()
    {
        var (api, _, entry) = await AnEntryAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("First correction", "Wrong attendee", 1))).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("Second correction", "Wrong time", 1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Someone else changed this entry", problem.GetProperty("title").GetString());
        Assert.Equal("Someone else changed this entry while you were looking at it. Reload the page to see what they did.",
            problem.GetProperty("detail").GetString());
        var stored = await factory.WithDbAsync(db => db.ChronologyEntries.Include(e => e.Revisions).SingleAsync(e => e.Id == new ChronologyEntryId(entry)));
        Assert.Equal(("First correction", 2), (stored.Content.Summary, stored.Version));
        Assert.Equal("Wrong attendee", Assert.Single(stored.Revisions).Reason);
    }

    [Fact]
    public async Task Another_agencys_practitioner_can_read_the_entry_but_not_amend_it()
    {
        var (api, child, entry) = await AnEntryAsync();
        await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new
        {
            professionalId = await factory.ProfessionalIdAsync(Accounts.HealthVisitor),
            role = "HealthVisitor",
            startedOn = DateOnly.FromDateTime(DateTime.UtcNow),
        });
        var visitor = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var details = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/chronology/{entry}");
        var response = await visitor.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("Not mine to change", "Because", 1));

        Assert.False(details.GetProperty("mayAmend").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ChronologyEntries.Where(e => e.Id == new ChronologyEntryId(entry)).Select(e => e.Version).SingleAsync()));
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_child_gets_404_for_the_entry()
    {
        var (_, _, entry) = await AnEntryAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/chronology/{entry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("x", "y", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/chronology/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_entry_page_shows_the_amended_flag_and_what_it_said_before()
    {
        var (api, _, entry) = await AnEntryAsync();
        await api.PostAsJsonAsync($"/api/v1/chronology/{entry}/amend", Content("Corrected summary", "Typo in the summary", 1));
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var html = await browser.GetStringAsync($"/chronology/{entry}");

        Assert.Contains("Amended once", html, StringComparison.Ordinal);
        Assert.Contains("Meeting with the school nurse", html, StringComparison.Ordinal);
        Assert.Contains("Typo in the summary", html, StringComparison.Ordinal);
    }
}
