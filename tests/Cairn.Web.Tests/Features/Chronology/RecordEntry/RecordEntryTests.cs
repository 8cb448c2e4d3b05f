using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Chronology.RecordEntry;

public sealed class RecordEntryTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static object Entry(string category, string summary, string? outcome = null, string? words = null, string? how = null, bool household = false) => new
    {
        occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
        category,
        significance = "Routine",
        contactMode = "FaceToFace",
        appointmentOutcome = outcome,
        summary,
        childsWords = words,
        howGathered = how,
        includeHouseholdChildren = household,
    };

    [Fact]
    public async Task Did_not_attend_is_refused_for_a_child_with_a_reason_and_nothing_is_saved()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var before = await factory.WithDbAsync(db => db.ChronologyEntries.CountAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/chronology", Entry("Appointment", "Dental check", "DidNotAttend"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Was not brought", problem.GetProperty("errors").GetProperty("appointmentOutcome")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ChronologyEntries.CountAsync()));
    }

    [Fact]
    public async Task A_home_visit_without_the_voice_of_the_child_is_refused()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/chronology", Entry("HomeVisit", "Visit to foster home"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("childsWords", out _));
    }

    [Fact]
    public async Task A_visit_with_the_childs_words_is_recorded_audited_and_appears_in_the_chronology()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/chronology",
            Entry("HomeVisit", "Visit: settled at foster home", words: "I like my new bedroom.", how: "Seen alone, with an interpreter"));
        var chronology = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia.Value}/chronology");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var first = chronology.GetProperty("items")[0];
        Assert.Equal("Visit: settled at foster home", first.GetProperty("summary").GetString());
        Assert.Equal("I like my new bedroom.", first.GetProperty("voice").GetProperty("childsWords").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "chronology.record" && a.RecordId == Guid.Parse(id!) && a.PersonId == zofia.Value)));
    }

    [Fact]
    public async Task A_household_incident_reaches_every_child_in_the_household()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var tomasz = await factory.PersonIdAsync("Tomasz", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/chronology", Entry("Incident", "Father seen outside the foster home", household: true));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var tomaszChronology = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{tomasz.Value}/chronology");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(tomaszChronology.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Recording_about_a_child_you_cannot_see_is_404_and_changes_nothing()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.Uninvolved);
        var before = await factory.WithDbAsync(db => db.ChronologyEntries.CountAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/chronology", Entry("Incident", "Should not be saved"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ChronologyEntries.CountAsync()));
    }

    [Fact]
    public async Task The_page_shows_a_govuk_error_summary_for_did_not_attend()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{zofia.Value}/chronology/new";

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OccurredAt"] = DateTime.Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Category"] = "Appointment",
            ["Input.Significance"] = "Routine",
            ["Input.AppointmentOutcome"] = "DidNotAttend",
            ["Input.Summary"] = "Missed dental appointment",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_AppointmentOutcome\"", html, StringComparison.Ordinal);
        Assert.Contains("Was not brought", html, StringComparison.Ordinal);
    }
}
