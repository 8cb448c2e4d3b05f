using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.People;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Family.RecordRelationship;

public sealed class RecordRelationshipTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task A_sibling_is_recorded_through_the_api_on_both_audit_trails()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var sister = await api.NewChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships",
            new { otherPersonId = sister.Value, type = "Sibling", startedOn = "2020-01-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/people/{child.Value}/family", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(sister.Value, body.GetProperty("fromPersonId").GetGuid());
        Assert.Equal(child.Value, body.GetProperty("toPersonId").GetGuid());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "relationship.record" && a.RecordId == id)
            .Select(a => new { a.PersonId, a.Detail }).ToListAsync());
        Assert.Equal([child.Value, sister.Value], audited.Select(a => a.PersonId!.Value).Order());
        Assert.All(audited, a => Assert.Equal("type=Sibling", a.Detail));
        var family = await api.FamilyAsync(sister);
        Assert.Equal("Sibling", family.GetProperty("relationships")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_same_sibling_relationship_the_other_way_round_is_refused()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var brother = await api.NewChildAsync();
        await api.RelateAsync(child, brother, "Sibling");

        var response = await api.PostAsJsonAsync($"/api/v1/people/{brother.Value}/relationships", new { otherPersonId = child.Value, type = "Sibling" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already recorded", problem.ErrorsFor("type")![0], StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Relationships.CountAsync(r => r.ToPersonId == child || r.ToPersonId == brother)));
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { """{"type":"Parent"}""", "otherPersonId" },
        { """{"otherPersonId":"OTHER"}""", "type" },
        { """{"otherPersonId":"OTHER","type":"PersonPosingRisk"}""", "notes" },
        { """{"otherPersonId":"OTHER","type":"PersonPosingRisk","notes":"   "}""", "notes" },
        { """{"otherPersonId":"OTHER","type":"Parent","startedOn":"FUTURE"}""", "startedOn" },
        { """{"otherPersonId":"OTHER","type":"Parent","endedOn":"FUTURE"}""", "endedOn" },
        { """{"otherPersonId":"OTHER","type":"Parent","startedOn":"2024-05-01","endedOn":"2024-04-30"}""", "endedOn" },
        { """{"otherPersonId":"SELF","type":"Sibling"}""", "otherPersonId" },
        { """{"otherPersonId":"OTHER","type":"Parent","notes":"LONG"}""", "notes" },
        { """{"otherPersonId":"OTHER","type":99}""", "type" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_problem_json_naming_the_field_and_changes_nothing(string json, string field)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();
        var body = json.Replace("OTHER", adult.Value.ToString(), StringComparison.Ordinal).Replace("SELF", child.Value.ToString(), StringComparison.Ordinal)
            .Replace("FUTURE", FamilyTestData.Iso(FamilyTestData.Today().AddDays(2)), StringComparison.Ordinal)
            .Replace("LONG", new string('x', Relationship.MaxNotesLength + 1), StringComparison.Ordinal);
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/relationships", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.ErrorsFor(field) is not null, problem.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
    }

    [Theory]
    [InlineData("""{"otherPersonId":"OTHER","type":"Cousin"}""")]
    [InlineData("""{"otherPersonId":"OTHER","type":"Parent","startedOn":"last spring"}""")]
    [InlineData("""{"otherPersonId":"OTHER","type":""")]
    public async Task A_body_that_cannot_be_read_is_400_problem_json_not_a_failure(string json)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/relationships",
            new StringContent(json.Replace("OTHER", adult.Value.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The request could not be read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
    }

    [Fact]
    public async Task A_person_posing_a_risk_with_notes_is_recorded_and_shown_in_red()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();

        await api.RelateAsync(child, adult, "PersonPosingRisk", "Police disclosure: conviction for offences against children");
        var html = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/family");

        Assert.Contains("poses a risk to", html, StringComparison.Ordinal);
        Assert.Contains("Police disclosure: conviction for offences against children", html, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--red", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_people_must_be_ones_the_professional_may_open()
    {
        // The health visitor is involved with Zofia and with Lola Brooks, so may open Lola's mother Kerry; the social worker only with Zofia.
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var kerry = await factory.PersonIdAsync("Kerry", "Brooks");
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var samId = await factory.ProfessionalIdAsync(Accounts.SocialWorker);
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());
        var lastAudit = await factory.LastAuditAsync();

        var refused = await sam.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/relationships", new { otherPersonId = kerry.Value, type = "SignificantAdult" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Sequence > lastAudit && a.ActorId == samId && a.Action == "record.open" && a.PersonId == kerry.Value && a.Outcome == "refused")));

        var allowed = await nadia.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/relationships", new { otherPersonId = kerry.Value, type = "SignificantAdult" });

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task An_uninvolved_professional_gets_404_for_the_person_and_nothing_changes()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.NewChildAsync();
        var adult = await sam.NewAdultAsync();
        var casey = await factory.ApiAsAsync(Accounts.Uninvolved);
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());

        var response = await casey.PostAsJsonAsync($"/api/v1/people/{child.Value}/relationships", new { otherPersonId = adult.Value, type = "Parent" });
        var missing = await casey.PostAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}/relationships", new { otherPersonId = adult.Value, type = "Parent" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
    }

    [Fact]
    public async Task A_new_adult_can_be_linked_only_by_the_professional_who_recorded_them_then_opens_through_the_child()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var child = await sam.NewChildAsync();
        var partner = await sam.NewAdultAsync();

        // Nadia may open Zofia but not an unlinked adult someone else recorded.
        var refused = await nadia.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/relationships", new { otherPersonId = partner.Value, type = "HouseholdMember" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/api/v1/people/{partner.Value}/family")).StatusCode);

        await sam.RelateAsync(child, partner, "PartnerOfParent");

        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/v1/people/{partner.Value}/family")).StatusCode);
    }

    [Fact]
    public async Task The_page_offers_the_household_and_people_found_by_name_and_records_the_choice()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var name = FamilyTestData.UniqueName();
        var adult = await api.NewAdultAsync(name);
        var tomasz = await factory.PersonIdAsync("Tomasz", "Nowak");
        var path = $"/people/{child.Value}/relationships/new";

        var search = await web.GetStringAsync($"{path}?Search=Tomasz");
        Assert.Contains($"value=\"{tomasz.Value}\"", search, StringComparison.Ordinal);
        Assert.Contains("found by name", search, StringComparison.Ordinal);
        var page = await web.GetStringAsync(path);
        Assert.Contains($"value=\"{adult.Value}\"", page, StringComparison.Ordinal);
        Assert.Contains("recorded by you, not linked to anyone yet", page, StringComparison.Ordinal);

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OtherPersonId"] = adult.Value.ToString(),
            ["Input.Type"] = "StepParent",
            ["Input.StartedOn"] = "2023-06-01",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{child.Value}/family#relationships", response.Headers.Location?.OriginalString);
        var saved = await factory.WithDbAsync(db => db.Relationships.SingleAsync(r => r.ToPersonId == child));
        Assert.Equal((adult, RelationshipType.StepParent, new DateOnly(2023, 6, 1)), (saved.FromPersonId, saved.Type, saved.StartedOn!.Value));
    }

    [Fact]
    public async Task The_page_shows_a_govuk_error_summary_for_each_problem_and_saves_nothing()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var adult = await api.NewAdultAsync();
        var path = $"/people/{child.Value}/relationships/new";
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());

        var nothingChosen = await web.PostAsync(path, await Clients.FormAsync(web, path, new()));
        var riskWithoutNotes = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OtherPersonId"] = adult.Value.ToString(),
            ["Input.Type"] = "PersonPosingRisk",
        }));
        var notADate = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OtherPersonId"] = adult.Value.ToString(),
            ["Input.Type"] = "Parent",
            ["Input.StartedOn"] = "last spring",
        }));

        var html = await nothingChosen.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, nothingChosen.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_OtherPersonId\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Type\"", html, StringComparison.Ordinal);
        var risk = await riskWithoutNotes.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, riskWithoutNotes.StatusCode);
        Assert.Contains("href=\"#Input_Notes\"", risk, StringComparison.Ordinal);
        Assert.Contains("Describe the risk this person poses", risk, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, notADate.StatusCode);
        Assert.Contains("href=\"#Input_StartedOn\"", await notADate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
    }

    [Fact]
    public async Task A_search_without_letters_is_a_field_error_not_a_failure()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();

        var response = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetAsync($"/people/{child.Value}/relationships/new?Search=%21%21%21");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_choice_of_someone_the_professional_may_not_open_is_404_on_the_page()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var tyler = await factory.PersonIdAsync("Tyler", "Brooks");
        var path = $"/people/{child.Value}/relationships/new";
        var before = await factory.WithDbAsync(db => db.Relationships.CountAsync());

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.OtherPersonId"] = tyler.Value.ToString(),
            ["Input.Type"] = "Sibling",
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Relationships.CountAsync()));
    }
}
