using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Education;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Children.Education;

public sealed class EducationTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, Guid child, string status, bool complex, string? needs, int version) =>
        api.PutAsJsonAsync($"/api/v1/people/{child}/education", new
        {
            status,
            since = Today.AddMonths(-3),
            hasComplexNeeds = complex,
            complexNeeds = needs,
            reason = "Told by the school's designated safeguarding lead",
            version,
        });

    private Task<int> RevisionsOfAsync(Guid child) =>
        factory.WithDbAsync(db => db.EducationRevisions.CountAsync(r => r.PersonId == new PersonId(child)));

    [Fact]
    public async Task Education_is_recorded_then_changed_keeping_the_history()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/education");
        var first = await PutAsync(api, child, "AtSchool", true, "EHCP: autism", 0);
        var second = await PutAsync(api, child, "ElectivelyHomeEducated", true, "EHCP: autism", 1);

        Assert.Equal(0, before.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/education");
        Assert.Equal(("ElectivelyHomeEducated", true, 2), (details.GetProperty("status").GetString(), details.GetProperty("hasComplexNeeds").GetBoolean(),
            details.GetProperty("version").GetInt32()));
        Assert.Equal(["ElectivelyHomeEducated", "AtSchool"], details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("Sam Okoro", details.GetProperty("history")[0].GetProperty("recordedBy").GetString());
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "education.record" && a.PersonId == child)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "education.view" && a.PersonId == child)));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_the_first_change_stands()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await PutAsync(api, child, "AtSchool", false, null, 0);
        await PutAsync(api, child, "MissingEducation", false, null, 1);

        var stale = await PutAsync(api, child, "ElectivelyHomeEducated", false, null, 1);
        var secondFirst = await PutAsync(api, child, "Other", false, null, 0);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondFirst.StatusCode);
        Assert.Equal(EducationStatus.MissingEducation, await factory.WithDbAsync(db =>
            db.EducationRecords.Where(e => e.PersonId == new PersonId(child)).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Complex_needs_without_a_description_are_refused_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PutAsJsonAsync($"/api/v1/people/{child}/education", new { status = "AtSchool", hasComplexNeeds = true, version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("complexNeeds", out _));
        Assert.True(errors.TryGetProperty("since", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.Equal(0, await RevisionsOfAsync(child));
    }

    [Fact]
    public async Task Anyone_who_can_open_the_record_may_record_it_and_nobody_else()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var visitor = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/people/{child}/team",
            new { professionalId = visitor.Value, role = "HealthVisitor", startedOn = Today })).StatusCode);
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/education")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(outsider, child, "AtSchool", false, null, 0)).StatusCode);
        Assert.Equal(0, await RevisionsOfAsync(child));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(health, child, "NotOfSchoolAge", false, null, 0)).StatusCode);
        Assert.Equal(1, await RevisionsOfAsync(child));
    }

    [Fact]
    public async Task The_page_shows_the_details_and_refuses_a_change_without_a_reason()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await PutAsync(api, child, "ElectivelyHomeEducated", true, "EHCP: cerebral palsy", 0);
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/education";

        var page = await browser.GetStringAsync(path);
        var response = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.Status"] = "AtSchool",
            ["Input.Since"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = "1",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("EHCP: cerebral palsy", page, StringComparison.Ordinal);
        Assert.Contains("can go unseen by services", page, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter how you know or why this changed", html, StringComparison.Ordinal);
        Assert.Equal(1, await RevisionsOfAsync(child));
    }

    [Fact]
    public async Task The_bulk_query_returns_the_flags_of_many_children_in_one_go()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var homeEducated = await api.CreateChildAsync();
        var complex = await api.CreateChildAsync();
        var atSchool = await api.CreateChildAsync();
        await PutAsync(api, homeEducated, "ElectivelyHomeEducated", true, "EHCP: autism", 0);
        await PutAsync(api, complex, "AtSchool", true, "Visual impairment", 0);
        await PutAsync(api, atSchool, "AtSchool", false, null, 0);
        var unknown = Enumerable.Range(0, 50_000).Select(_ => PersonId.New());
        var asked = unknown.Concat([new PersonId(homeEducated), new PersonId(complex), new PersonId(atSchool)]).ToList();

        var flags = await factory.WithDbAsync(db => db.EducationFlagsAsync(asked, CancellationToken.None));

        Assert.Equal(3, flags.Count);
        Assert.Contains(new EducationFlags(new PersonId(homeEducated), true, true), flags);
        Assert.Contains(new EducationFlags(new PersonId(complex), true, false), flags);
        Assert.Contains(new EducationFlags(new PersonId(atSchool), false, false), flags);
        var flagged = await factory.WithDbAsync(db => db.FlaggedEducation().Select(f => f.PersonId).ToListAsync());
        Assert.Contains(new PersonId(complex), flagged);
        Assert.DoesNotContain(new PersonId(atSchool), flagged);
    }
}
