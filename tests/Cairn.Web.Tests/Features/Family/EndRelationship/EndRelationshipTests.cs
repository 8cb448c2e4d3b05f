using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Family.EndRelationship;

public sealed class EndRelationshipTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private async Task<(HttpClient Api, Domain.PersonId Child, Guid Relationship)> RelationshipAsync(string type = "PartnerOfParent")
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();
        var created = await api.RelateAsync(child, adult, type, type == "PersonPosingRisk" ? "Threats made to the child's mother" : null);
        return (api, child, created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Ending_keeps_the_relationship_with_its_date_on_both_audit_trails()
    {
        var (api, child, id) = await RelationshipAsync();
        var today = FamilyTestData.Today();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships/{id}/end", new { endedOn = FamilyTestData.Iso(today), version = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var saved = await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)));
        Assert.Equal(today, saved.EndedOn);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "relationship.end" && a.RecordId == id)));
        var shown = (await api.FamilyAsync(child)).GetProperty("relationships")[0];
        Assert.Equal(FamilyTestData.Iso(today), shown.GetProperty("endedOn").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_409_and_changes_nothing()
    {
        var (api, child, id) = await RelationshipAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships/{id}/end", new { endedOn = FamilyTestData.Iso(FamilyTestData.Today()), version = 7 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var saved = await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)));
        Assert.Null(saved.EndedOn);
        Assert.Equal(1, saved.Version);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "relationship.end" && a.RecordId == id && a.Outcome == "succeeded")));
        // The attempt itself is audited as a refused conflict (RefusedChangesAuditTests).
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "relationship.end" && a.RecordId == id && a.PersonId == child.Value && a.Outcome == "refused" && a.Detail == "conflict: Version")));
    }

    [Theory]
    [InlineData("""{"version":1}""", "endedOn")]
    [InlineData("""{"endedOn":"FUTURE","version":1}""", "endedOn")]
    [InlineData("""{"endedOn":"2000-01-01","version":1}""", "endedOn")]
    [InlineData("""{"endedOn":"TODAY"}""", "version")]
    public async Task Bad_input_is_400_naming_the_field(string json, string field)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();
        var created = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships", new { otherPersonId = adult.Value, type = "SignificantAdult", startedOn = "2010-01-01" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = json.Replace("FUTURE", FamilyTestData.Iso(FamilyTestData.Today().AddDays(1)), StringComparison.Ordinal)
            .Replace("TODAY", FamilyTestData.Iso(FamilyTestData.Today()), StringComparison.Ordinal);

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/relationships/{id}/end", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.ErrorsFor(field) is not null, problem.ToString());
        Assert.Null((await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
    }

    [Fact]
    public async Task The_other_person_must_be_one_the_professional_may_open()
    {
        // Nadia, the health visitor, is involved with Zofia and with Lola Brooks and links them; Sam may open Zofia but not Lola.
        // (An adult would not do: linking an adult to a child opens the adult to everyone who may open the child.)
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var lola = await factory.PersonIdAsync("Lola", "Brooks");
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var id = (await nadia.RelateAsync(zofia, lola, "HouseholdMember")).GetProperty("id").GetGuid();

        var refused = await sam.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/relationships/{id}/end", new { endedOn = FamilyTestData.Iso(FamilyTestData.Today()), version = 1 });
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetAsync($"/people/{zofia.Value}/relationships/{id}/end");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
        var allowed = await nadia.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/relationships/{id}/end", new { endedOn = FamilyTestData.Iso(FamilyTestData.Today()), version = 1 });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task An_uninvolved_professional_or_someone_elses_relationship_is_404()
    {
        var (_, child, id) = await RelationshipAsync();
        var casey = await factory.ApiAsAsync(Accounts.Uninvolved);
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var otherChild = await sam.NewChildAsync();
        var end = new { endedOn = FamilyTestData.Iso(FamilyTestData.Today()), version = 1 };

        Assert.Equal(HttpStatusCode.NotFound, (await casey.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships/{id}/end", end)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostAsJsonAsync($"/api/v1/people/{otherChild.Value}/relationships/{id}/end", end)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships/{Guid.NewGuid()}/end", end)).StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
    }

    [Fact]
    public async Task The_page_ends_a_relationship_and_returns_to_the_family()
    {
        var (_, child, id) = await RelationshipAsync("PersonPosingRisk");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/relationships/{id}/end";

        var form = await web.GetStringAsync(path);
        Assert.Contains("Person posing a risk", form, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--red", form, StringComparison.Ordinal);
        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.EndedOn"] = FamilyTestData.Iso(FamilyTestData.Today().AddDays(-1)),
            ["Input.Version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FamilyTestData.Today().AddDays(-1), (await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
    }

    [Fact]
    public async Task A_page_left_open_while_someone_else_ended_it_shows_an_error_and_keeps_their_date()
    {
        var (api, child, id) = await RelationshipAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/relationships/{id}/end";
        var form = await Clients.FormAsync(web, path, new()
        {
            ["Input.EndedOn"] = FamilyTestData.Iso(FamilyTestData.Today()),
            ["Input.Version"] = "1",
        });
        var earlier = FamilyTestData.Today().AddDays(-3);
        await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships/{id}/end", new { endedOn = FamilyTestData.Iso(earlier), version = 1 });

        var response = await web.PostAsync(path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this relationship", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main-content\"", html, StringComparison.Ordinal);
        Assert.Equal(earlier, (await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
    }

    [Fact]
    public async Task The_page_refuses_a_future_date_with_an_error_summary()
    {
        var (_, child, id) = await RelationshipAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/relationships/{id}/end";

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.EndedOn"] = FamilyTestData.Iso(FamilyTestData.Today().AddDays(5)),
            ["Input.Version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_EndedOn\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == new Domain.RelationshipId(id)))).EndedOn);
    }

    [Fact]
    public async Task The_database_refuses_the_second_of_two_racing_ends()
    {
        var (_, _, id) = await RelationshipAsync();
        var relationshipId = new Domain.RelationshipId(id);
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var two = second.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var a = await one.Relationships.SingleAsync(r => r.Id == relationshipId);
        var b = await two.Relationships.SingleAsync(r => r.Id == relationshipId);

        Assert.Null(a.End(FamilyTestData.Today(), 1, FamilyTestData.Today()));
        Assert.Null(b.End(FamilyTestData.Today().AddDays(-1), 1, FamilyTestData.Today()));
        await one.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        Assert.Equal(FamilyTestData.Today(), (await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.Id == relationshipId))).EndedOn);
    }
}
