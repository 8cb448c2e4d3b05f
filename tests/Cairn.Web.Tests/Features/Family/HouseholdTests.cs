using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Family;

public sealed class HouseholdTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static string Today => FamilyTestData.Iso(FamilyTestData.Today());

    private static async Task<Guid> StartAsync(HttpClient api, PersonId person, string name = "Foster home, Mill Lane")
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{person.Value}/households", new { newHouseholdName = name, joinedOn = Today });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();
    }

    private Task<int> MembershipRowAsync(PersonId person) =>
        factory.WithDbAsync(db => db.Households.SelectMany(h => h.Members).Where(m => m.PersonId == person).Select(m => EF.Property<int>(m, "Id")).SingleAsync());

    private Task<int> MembershipsAsync(PersonId person) =>
        factory.WithDbAsync(db => db.Households.SelectMany(h => h.Members).CountAsync(m => m.PersonId == person));

    [Fact]
    public async Task A_new_household_is_started_and_a_second_person_joins_it()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var brother = await api.NewChildAsync();

        var householdId = await StartAsync(api, child);
        var joined = await api.PostAsJsonAsync($"/api/v1/people/{brother.Value}/households", new { householdId, joinedOn = "2025-02-03" });

        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var body = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("started").GetBoolean());
        var household = Assert.Single((await api.FamilyAsync(brother)).GetProperty("households").EnumerateArray());
        Assert.Equal("Foster home, Mill Lane", household.GetProperty("name").GetString());
        Assert.Equal(2, household.GetProperty("members").GetArrayLength());
        Assert.Equal(3, household.GetProperty("version").GetInt32());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "household.join" && a.RecordId == householdId)
            .Select(a => new { a.PersonId, a.Detail }).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.Contains(audited, a => a.PersonId == child.Value && a.Detail == "new household");
        Assert.DoesNotContain(audited, a => a.Detail?.Contains("Mill Lane", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Moving_out_closes_the_membership_and_keeps_it()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var householdId = await StartAsync(api, child);
        var row = await MembershipRowAsync(child);

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/households/{householdId}/leave", new { leftOn = Today, version = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        // The same row, updated: never deleted and written again.
        Assert.Equal(row, await MembershipRowAsync(child));
        var household = (await api.FamilyAsync(child)).GetProperty("households")[0];
        Assert.Equal(Today, household.GetProperty("leftOn").GetString());
        Assert.False(household.GetProperty("isCurrent").GetBoolean());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "household.leave" && a.RecordId == householdId && a.PersonId == child.Value)));
    }

    [Fact]
    public async Task A_stale_household_version_is_409_and_changes_nothing()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var sister = await api.NewChildAsync();
        var householdId = await StartAsync(api, child);
        await api.PostAsJsonAsync($"/api/v1/people/{sister.Value}/households", new { householdId, joinedOn = Today });

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/households/{householdId}/leave", new { leftOn = Today, version = 2 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await api.FamilyAsync(child)).GetProperty("households")[0].GetProperty("isCurrent").GetBoolean());
    }

    public static TheoryData<string, string> BadJoins => new()
    {
        { """{"joinedOn":"TODAY"}""", "householdId" },
        { """{"householdId":"HOUSEHOLD","newHouseholdName":"Another","joinedOn":"TODAY"}""", "householdId" },
        { """{"newHouseholdName":"Mill Lane"}""", "joinedOn" },
        { """{"newHouseholdName":"Mill Lane","joinedOn":"FUTURE"}""", "joinedOn" },
        { """{"newHouseholdName":"  ","joinedOn":"TODAY"}""", "newHouseholdName" },
        { """{"newHouseholdName":"LONG","joinedOn":"TODAY"}""", "newHouseholdName" },
        { """{"householdId":"HOUSEHOLD","joinedOn":"TODAY"}""", "personId" },
    };

    [Theory]
    [MemberData(nameof(BadJoins))]
    public async Task Bad_joins_are_400_naming_the_field_and_change_nothing(string json, string field)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var householdId = await StartAsync(api, child);
        var body = json.Replace("HOUSEHOLD", householdId.ToString(), StringComparison.Ordinal).Replace("TODAY", Today, StringComparison.Ordinal)
            .Replace("FUTURE", FamilyTestData.Iso(FamilyTestData.Today().AddDays(1)), StringComparison.Ordinal)
            .Replace("LONG", new string('x', 201), StringComparison.Ordinal);
        var households = await factory.WithDbAsync(db => db.Households.CountAsync());

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/households", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.ErrorsFor(field) is not null, problem.ToString());
        Assert.Equal(households, await factory.WithDbAsync(db => db.Households.CountAsync()));
        Assert.Equal(1, await MembershipsAsync(child));
    }

    [Theory]
    [InlineData("""{"version":2}""", "leftOn")]
    [InlineData("""{"leftOn":"FUTURE","version":2}""", "leftOn")]
    [InlineData("""{"leftOn":"2001-01-01","version":2}""", "leftOn")]
    [InlineData("""{"leftOn":"TODAY"}""", "version")]
    public async Task Bad_move_outs_are_400_naming_the_field(string json, string field)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var householdId = await StartAsync(api, child);
        var body = json.Replace("TODAY", Today, StringComparison.Ordinal).Replace("FUTURE", FamilyTestData.Iso(FamilyTestData.Today().AddDays(1)), StringComparison.Ordinal);

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/households/{householdId}/leave", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.ErrorsFor(field) is not null, problem.ToString());
        Assert.True((await api.FamilyAsync(child)).GetProperty("households")[0].GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task A_household_with_no_one_the_professional_may_open_is_404_and_unchanged()
    {
        // The Brooks household: the social worker is involved with none of them.
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var tyler = await factory.PersonIdAsync("Tyler", "Brooks");
        var brooks = await factory.WithDbAsync(db => db.Households.Where(h => h.Members.Any(m => m.PersonId == tyler)).Select(h => h.Id.Value).SingleAsync());
        var version = await factory.WithDbAsync(db => db.Households.Where(h => h.Id == new HouseholdId(brooks)).Select(h => h.Version).SingleAsync());

        var join = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/households", new { householdId = brooks, joinedOn = Today });
        var leave = await api.PostAsJsonAsync($"/api/v1/people/{tyler.Value}/households/{brooks}/leave", new { leftOn = Today, version });
        var missing = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/households", new { householdId = Guid.NewGuid(), joinedOn = Today });

        Assert.Equal(HttpStatusCode.NotFound, join.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, leave.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await MembershipsAsync(child));
        Assert.Equal(version, await factory.WithDbAsync(db => db.Households.Where(h => h.Id == new HouseholdId(brooks)).Select(h => h.Version).SingleAsync()));
    }

    [Fact]
    public async Task An_uninvolved_professional_gets_404_and_nothing_changes()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.NewChildAsync();
        var householdId = await StartAsync(sam, child);
        var casey = await factory.ApiAsAsync(Accounts.Uninvolved);

        var join = await casey.PostAsJsonAsync($"/api/v1/people/{child.Value}/households", new { newHouseholdName = "Elsewhere", joinedOn = Today });
        var leave = await casey.PostAsJsonAsync($"/api/v1/people/{child.Value}/households/{householdId}/leave", new { leftOn = Today, version = 2 });

        Assert.Equal(HttpStatusCode.NotFound, join.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, leave.StatusCode);
        Assert.Equal(1, await MembershipsAsync(child));
        Assert.True((await sam.FamilyAsync(child)).GetProperty("households")[0].GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task The_page_offers_a_relatives_household_and_joins_it()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var mother = await api.NewAdultAsync();
        await api.RelateAsync(child, mother, "Parent");
        var householdId = await StartAsync(api, mother, "Mother's flat, Station Road");
        var path = $"/people/{child.Value}/households/join";

        var form = await web.GetStringAsync(path);
        Assert.Contains($"value=\"{householdId}\"", form, StringComparison.Ordinal);
        Assert.Contains("Mother&#x27;s flat, Station Road", form, StringComparison.Ordinal);
        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.HouseholdId"] = householdId.ToString(),
            ["Input.JoinedOn"] = "2024-09-01",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{child.Value}/family#households", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await MembershipsAsync(child));
    }

    [Fact]
    public async Task The_page_asks_for_a_name_for_a_new_household_and_a_choice()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var path = $"/people/{child.Value}/households/join";

        var noName = await web.PostAsync(path, await Clients.FormAsync(web, path, new() { ["Input.HouseholdId"] = "new", ["Input.JoinedOn"] = Today }));
        var noChoice = await web.PostAsync(path, await Clients.FormAsync(web, path, new() { ["Input.JoinedOn"] = Today }));
        var started = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.HouseholdId"] = "new",
            ["Input.NewHouseholdName"] = "Kinship carers, Orchard Close",
            ["Input.JoinedOn"] = Today,
        }));

        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
        Assert.Contains("href=\"#Input_NewHouseholdName\"", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noChoice.StatusCode);
        Assert.Contains("href=\"#Input_HouseholdId\"", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(1, await MembershipsAsync(child));
    }

    [Fact]
    public async Task The_move_out_page_records_the_date_and_refuses_a_stale_version()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var brother = await api.NewChildAsync();
        var householdId = await StartAsync(api, child);
        var path = $"/people/{child.Value}/households/{householdId}/leave";
        var stale = await Clients.FormAsync(web, path, new() { ["Input.LeftOn"] = Today, ["Input.Version"] = "2" });
        await api.PostAsJsonAsync($"/api/v1/people/{brother.Value}/households", new { householdId, joinedOn = Today });

        var refused = await web.PostAsync(path, stale);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var accepted = await web.PostAsync(path, await Clients.FormAsync(web, path, new() { ["Input.LeftOn"] = Today, ["Input.Version"] = "3" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Someone else changed this household", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.False((await api.FamilyAsync(child)).GetProperty("households")[0].GetProperty("isCurrent").GetBoolean());
    }

    [Fact]
    public async Task The_database_refuses_the_second_of_two_racing_changes_to_a_household()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var id = new HouseholdId(await StartAsync(api, child));
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var two = second.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var a = await one.Households.SingleAsync(h => h.Id == id);
        var b = await two.Households.SingleAsync(h => h.Id == id);

        Assert.Null(a.Leave(child, FamilyTestData.Today(), 2, FamilyTestData.Today()));
        Assert.Null(b.Leave(child, FamilyTestData.Today(), 2, FamilyTestData.Today()));
        await one.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        Assert.Equal(FamilyTestData.Iso(FamilyTestData.Today()), (await api.FamilyAsync(child)).GetProperty("households")[0].GetProperty("leftOn").GetString());
    }
}
