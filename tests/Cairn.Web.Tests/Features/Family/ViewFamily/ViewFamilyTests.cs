using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Family.ViewFamily;

/// <summary>A person's family page and its API: people posing a risk shown clearly, history kept, need-to-know both ways.</summary>
public sealed class ViewFamilyTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task The_page_shows_the_person_posing_a_risk_first_and_in_red_with_the_household()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await web.GetAsync($"/people/{zofia.Value}/family");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Marek Nowak poses a risk to Zofia Nowak. Domestic abuse towards the children&#x27;s mother", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Risk</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Person posing a risk", html, StringComparison.Ordinal);
        Assert.Contains("Nowak household", html, StringComparison.Ordinal);
        Assert.Contains("Agnieszka Nowak", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{zofia.Value}/relationships/new\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{zofia.Value}/addresses/new\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_flags_the_risk_and_gives_versions_and_the_read_is_audited()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var marek = await factory.PersonIdAsync("Marek", "Nowak");
        var sam = await factory.ProfessionalIdAsync(Accounts.SocialWorker);
        var before = await factory.LastAuditAsync();

        var family = await (await factory.ApiAsAsync(Accounts.SocialWorker)).FamilyAsync(zofia);

        var risk = family.GetProperty("relationships").EnumerateArray().Single(r => r.GetProperty("otherId").GetGuid() == marek.Value);
        Assert.True(risk.GetProperty("posesRisk").GetBoolean());
        Assert.Equal("PersonPosingRisk", risk.GetProperty("type").GetString());
        Assert.Equal("Person posing a risk", risk.GetProperty("description").GetString());
        Assert.Equal(marek.Value, risk.GetProperty("fromPersonId").GetGuid());
        Assert.Equal(1, risk.GetProperty("version").GetInt32());
        var household = Assert.Single(family.GetProperty("households").EnumerateArray());
        Assert.Equal(4, household.GetProperty("members").GetArrayLength());
        Assert.True(household.GetProperty("isCurrent").GetBoolean());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Sequence > before && a.Action == "family.view" && a.PersonId == zofia.Value && a.ActorId == sam && a.Outcome == "allowed")));
    }

    [Fact]
    public async Task The_adult_posing_the_risk_sees_it_from_their_side()
    {
        var marek = await factory.PersonIdAsync("Marek", "Nowak");

        var html = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{marek.Value}/family");

        Assert.Contains("Marek Nowak poses a risk to Zofia Nowak.", html, StringComparison.Ordinal);
        Assert.Contains("Someone they pose a risk to", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_the_viewer_may_not_open_are_shown_without_their_names()
    {
        // The front door may open every child in the area; the social worker only their own, the health visitor only theirs.
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var samsChild = await sam.NewChildAsync();
        var hidden = FamilyTestData.UniqueName();
        var nadiasChild = await nadia.NewChildAsync(hidden);
        await frontDoor.RelateAsync(samsChild, nadiasChild, "Sibling");
        var started = await frontDoor.PostAsJsonAsync($"/api/v1/people/{samsChild.Value}/households", new { newHouseholdName = "Mill Lane", joinedOn = "2025-01-01" });
        var householdId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();
        await frontDoor.PostAsJsonAsync($"/api/v1/people/{nadiasChild.Value}/households", new { householdId, joinedOn = "2025-01-01" });

        var html = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{samsChild.Value}/family");
        var family = await sam.FamilyAsync(samsChild);

        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        Assert.Contains("A child whose record you cannot open", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{nadiasChild.Value}", html, StringComparison.Ordinal);
        var relationship = Assert.Single(family.GetProperty("relationships").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, relationship.GetProperty("otherName").ValueKind);
        Assert.False(relationship.GetProperty("otherMayBeOpened").GetBoolean());
        Assert.Contains(family.GetProperty("households")[0].GetProperty("members").EnumerateArray(), m => m.GetProperty("name").ValueKind == JsonValueKind.Null);
        Assert.Contains(hidden, (await frontDoor.FamilyAsync(samsChild)).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Accounts.Uninvolved)]
    [InlineData(Accounts.Administrator)]
    public async Task Anyone_not_involved_gets_the_same_404_as_for_a_missing_person(string email)
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(email);
        var api = await factory.ApiAsAsync(email);

        var refusedPage = await web.GetAsync($"/people/{zofia.Value}/family");
        var missingPage = await web.GetAsync($"/people/{Guid.NewGuid()}/family");
        var refusedApi = await api.GetAsync($"/api/v1/people/{zofia.Value}/family");
        var missingApi = await api.GetAsync($"/api/v1/people/{Guid.NewGuid()}/family");

        Assert.Equal(HttpStatusCode.NotFound, refusedPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);
        Assert.DoesNotContain("Nowak", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WithoutTokens(await missingPage.Content.ReadAsStringAsync()), WithoutTokens(await refusedPage.Content.ReadAsStringAsync()));
        Assert.Equal(WithoutTraceId(await missingApi.Content.ReadAsStringAsync()), WithoutTraceId(await refusedApi.Content.ReadAsStringAsync()));
    }

    /// <summary>An API problem's correlation id differs on every request; nothing else may.</summary>
    private static string WithoutTraceId(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"traceId\":\"[^\"]+\"", "");

    /// <summary>The sign-out form's antiforgery token differs on every page; nothing else may.</summary>
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    [Fact]
    public async Task Every_family_page_answers_404_for_someone_not_involved()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var family = await sam.FamilyAsync(zofia);
        var relationship = family.GetProperty("relationships")[0].GetProperty("id").GetGuid();
        var household = family.GetProperty("households")[0].GetProperty("id").GetGuid();
        var web = await factory.SignedInAsAsync(Accounts.Uninvolved);

        foreach (var path in new[]
        {
            $"/people/{zofia.Value}/relationships/new",
            $"/people/{zofia.Value}/relationships/{relationship}/end",
            $"/people/{zofia.Value}/households/join",
            $"/people/{zofia.Value}/households/{household}/leave",
            $"/people/{zofia.Value}/addresses/new",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_relationship_and_household_ids_are_404_even_for_the_social_worker()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);

        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/people/{zofia.Value}/relationships/{Guid.NewGuid()}/end")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/people/{zofia.Value}/households/{Guid.NewGuid()}/leave")).StatusCode);
    }

    [Fact]
    public async Task The_api_reference_lists_every_family_endpoint_under_the_family_tag_with_a_summary()
    {
        var document = JsonDocument.Parse(await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync("/api/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/v1/people/{id}/family", "get"),
            ("/api/v1/people/{id}/relationships", "post"),
            ("/api/v1/people/{id}/relationships/{relationshipId}/end", "post"),
            ("/api/v1/people/{id}/households", "post"),
            ("/api/v1/people/{id}/households/{householdId}/leave", "post"),
            ("/api/v1/people/{id}/addresses", "post"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal("Family", operation.GetProperty("tags")[0].GetString());
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        }
    }
}
