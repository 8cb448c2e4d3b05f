using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Health;

public sealed class DiagnosesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> RecordAsync(HttpClient api, Guid child, string condition = "Global developmental delay") =>
        await (await api.PostAsJsonAsync($"/api/v1/people/{child}/diagnoses", new
        {
            condition,
            diagnosedOn = Today.AddYears(-2),
            source = "Community paediatrician",
        })).JsonAsync();

    [Fact]
    public async Task A_diagnosis_is_superseded_with_a_reason_and_both_stay_visible()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var first = await RecordAsync(api, child);
        await RecordAsync(api, child, "Autism spectrum condition");
        var id = first.GetProperty("id").GetGuid();

        var response = await api.PostAsJsonAsync($"/api/v1/diagnoses/{id}/status", new
        {
            status = "Superseded",
            reason = "Replaced by the neurodevelopmental assessment",
            version = first.GetProperty("version").GetInt32(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/diagnoses/{id}");
        Assert.Equal("Superseded", details.GetProperty("status").GetString());
        var change = Assert.Single(details.GetProperty("changes").EnumerateArray());
        Assert.Equal("Current", change.GetProperty("from").GetString());
        Assert.Equal("Replaced by the neurodevelopmental assessment", change.GetProperty("reason").GetString());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Diagnoses.CountAsync(d => d.PersonId == new PersonId(child))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "diagnosis.change-status" && a.RecordId == id)));
    }

    [Fact]
    public async Task A_diagnosis_without_a_date_or_source_is_refused_naming_each()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/diagnoses", new { condition = "Asthma" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("diagnosedOn", out _));
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Diagnoses.CountAsync(d => d.PersonId == new PersonId(child))));
    }

    [Fact]
    public async Task A_stale_status_change_is_a_conflict_and_the_first_change_stands()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var d = await RecordAsync(api, child);
        var id = d.GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/diagnoses/{id}/status", new { status = "Queried", reason = "Parent disputes it", version = 1 });

        var response = await api.PostAsJsonAsync($"/api/v1/diagnoses/{id}/status", new { status = "Superseded", reason = "Later one", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(DiagnosisStatus.Queried, await factory.WithDbAsync(db => db.Diagnoses.Where(x => x.Id == new DiagnosisId(id)).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task Someone_not_involved_can_neither_read_nor_change_a_diagnosis()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var id = (await RecordAsync(api, child)).GetProperty("id").GetGuid();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/diagnoses/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/diagnoses/{id}/status", new { status = "Queried", reason = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/people/{child}/diagnoses", new { condition = "x", diagnosedOn = Today, source = "y" })).StatusCode);
        Assert.Equal(DiagnosisStatus.Current, await factory.WithDbAsync(db => db.Diagnoses.Where(x => x.Id == new DiagnosisId(id)).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_diagnosis_page_shows_the_history_and_refuses_a_change_without_a_reason()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var id = (await RecordAsync(api, child)).GetProperty("id").GetGuid();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/diagnoses/{id}";

        var response = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new() { ["Input.Status"] = "Queried", ["Input.Version"] = "1" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the change", html, StringComparison.Ordinal);
        Assert.Equal(DiagnosisStatus.Current, await factory.WithDbAsync(db => db.Diagnoses.Where(x => x.Id == new DiagnosisId(id)).Select(x => x.Status).SingleAsync()));
    }
}
