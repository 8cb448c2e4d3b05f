using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Family.RecordAddress;

public sealed class RecordAddressTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private Task<int> AddressesAsync(PersonId person) => factory.WithDbAsync(db => db.Addresses.CountAsync(a => a.PersonId == person));

    private static async Task<JsonElement> MoveAsync(HttpClient api, PersonId person, object body)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{person.Value}/addresses", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_first_address_has_its_postcode_normalised_and_resolved_to_the_local_authority()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();

        var address = await MoveAsync(api, child, new { line1 = "12 Mill Lane", town = "York", postcode = " yo10aj ", from = "2024-04-01" });

        Assert.Equal("YO1 0AJ", address.GetProperty("postcode").GetString());
        Assert.Equal("E06000014", address.GetProperty("localAuthorityCode").GetString());
        Assert.Equal("York", address.GetProperty("localAuthority").GetString());
        Assert.Equal(459652, address.GetProperty("easting").GetInt32());
        Assert.Equal(451975, address.GetProperty("northing").GetInt32());
        Assert.Equal(0, address.GetProperty("closed").GetArrayLength());
        var id = address.GetProperty("id").GetGuid();
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "address.record" && a.RecordId == id && a.PersonId == child.Value)));
    }

    [Fact]
    public async Task A_move_closes_the_current_address_the_day_before_and_keeps_the_history()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var first = await MoveAsync(api, child, new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" });
        var firstId = first.GetProperty("id").GetGuid();

        var second = await MoveAsync(api, child, new { line1 = "3 Station Road", postcode = "YO1 0BU", from = "2025-03-01", currentAddressId = firstId, version = 1 });

        Assert.Equal(firstId, Assert.Single(second.GetProperty("closed").EnumerateArray()).GetGuid());
        var addresses = (await api.FamilyAsync(child)).GetProperty("addresses");
        Assert.Equal(2, addresses.GetArrayLength());
        Assert.Equal("3 Station Road", addresses[0].GetProperty("line1").GetString());
        Assert.True(addresses[0].GetProperty("isCurrent").GetBoolean());
        Assert.Equal("2025-02-28", addresses[1].GetProperty("to").GetString());
        Assert.Equal(2, addresses[1].GetProperty("version").GetInt32());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "address.close" && a.RecordId == firstId)));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 5)]
    public async Task A_move_from_a_stale_view_of_the_current_address_is_409_and_changes_nothing(bool sendCurrent, int version)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var first = (await MoveAsync(api, child, new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" })).GetProperty("id").GetGuid();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/addresses",
            new { line1 = "3 Station Road", postcode = "YO1 0BU", from = "2025-03-01", currentAddressId = sendCurrent ? first : (Guid?)null, version });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await AddressesAsync(child));
        Assert.True((await api.FamilyAsync(child)).GetProperty("addresses")[0].GetProperty("isCurrent").GetBoolean());
    }

    public static TheoryData<string, string, string> BadAddresses => new()
    {
        { """{"line1":"12 Mill Lane","postcode":"YO99 9ZZ","from":"2024-04-01"}""", "postcode", "YO99 9ZZ is not in the postcode directory" },
        { """{"line1":"12 Mill Lane","postcode":"not a postcode","from":"2024-04-01"}""", "postcode", "Enter a real postcode" },
        { """{"line1":"12 Mill Lane","from":"2024-04-01"}""", "postcode", "Enter a real postcode" },
        { """{"line1":"  ","postcode":"YO1 0AJ","from":"2024-04-01"}""", "line1", "Enter the first line" },
        { """{"line1":"12 Mill Lane","postcode":"YO1 0AJ"}""", "from", "Enter the date they moved in" },
        { """{"line1":"12 Mill Lane","postcode":"YO1 0AJ","from":"FUTURE"}""", "from", "today or in the past" },
        { """{"line1":"LONG","postcode":"YO1 0AJ","from":"2024-04-01"}""", "line1", "" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task Bad_input_is_400_naming_the_field_and_changes_nothing(string json, string field, string message)
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var body = json.Replace("FUTURE", FamilyTestData.Iso(FamilyTestData.Today().AddDays(1)), StringComparison.Ordinal)
            .Replace("LONG", new string('x', 201), StringComparison.Ordinal);

        var response = await api.PostAsync($"/api/v1/people/{child.Value}/addresses", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.ErrorsFor(field);
        Assert.True(messages is not null, problem.ToString());
        Assert.Contains(message, messages[0], StringComparison.Ordinal);
        Assert.Equal(0, await AddressesAsync(child));
    }

    [Fact]
    public async Task An_uninvolved_professional_gets_404_and_nothing_changes()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.NewChildAsync();
        var casey = await factory.ApiAsAsync(Accounts.Uninvolved);

        var response = await casey.PostAsJsonAsync($"/api/v1/people/{child.Value}/addresses", new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" });
        var page = await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/people/{child.Value}/addresses/new");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(0, await AddressesAsync(child));
    }

    [Fact]
    public async Task The_page_records_a_move_and_names_an_unknown_postcode_in_the_error_summary()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var first = (await MoveAsync(api, child, new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" })).GetProperty("id").GetGuid();
        var path = $"/people/{child.Value}/addresses/new";

        var form = await web.GetStringAsync(path);
        Assert.Contains($"name=\"Input.CurrentAddressId\" value=\"{first}\"", form, StringComparison.Ordinal);
        Assert.Contains("12 Mill Lane", form, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Line1"] = "3 Station Road",
            ["Input.Postcode"] = "YO99 9ZZ",
            ["Input.From"] = "2025-03-01",
            ["Input.CurrentAddressId"] = first.ToString(),
            ["Input.Version"] = "1",
        };
        var unknown = await web.PostAsync(path, await Clients.FormAsync(web, path, new(fields)));
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        fields["Input.Postcode"] = "yo1 0bu";
        var moved = await web.PostAsync(path, await Clients.FormAsync(web, path, new(fields)));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("href=\"#Input_Postcode\"", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("YO99 9ZZ is not in the postcode directory", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/people/{child.Value}/family#addresses", moved.Headers.Location?.OriginalString);
        var addresses = (await api.FamilyAsync(child)).GetProperty("addresses");
        Assert.Equal("YO1 0BU", addresses[0].GetProperty("postcode").GetString());
        Assert.Equal("2025-02-28", addresses[1].GetProperty("to").GetString());
    }

    [Fact]
    public async Task A_page_left_open_while_someone_else_recorded_a_move_is_refused()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var path = $"/people/{child.Value}/addresses/new";
        var form = await Clients.FormAsync(web, path, new()
        {
            ["Input.Line1"] = "3 Station Road",
            ["Input.Postcode"] = "YO1 0BU",
            ["Input.From"] = "2025-03-01",
        });
        await MoveAsync(api, child, new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" });

        var response = await web.PostAsync(path, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this person", html, StringComparison.Ordinal);
        Assert.Equal(1, await AddressesAsync(child));
    }

    [Fact]
    public async Task An_overlong_line_on_the_page_is_a_field_error_not_a_failure()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        var path = $"/people/{child.Value}/addresses/new";

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, new()
        {
            ["Input.Line1"] = new string('x', 500),
            ["Input.Postcode"] = "YO1 0AJ",
            ["Input.From"] = "2024-04-01",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_Line1\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await AddressesAsync(child));
    }

    [Fact]
    public async Task The_database_refuses_the_second_of_two_racing_moves()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.NewChildAsync();
        await MoveAsync(api, child, new { line1 = "12 Mill Lane", postcode = "YO1 0AJ", from = "2024-04-01" });
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var two = second.ServiceProvider.GetRequiredService<Cairn.Web.Data.CairnDbContext>();
        var a = new Domain.People.AddressHistory(child, await one.Addresses.Where(x => x.PersonId == child).ToListAsync());
        var b = new Domain.People.AddressHistory(child, await two.Addresses.Where(x => x.PersonId == child).ToListAsync());
        var york = new Domain.Places.PostcodeLocation("E06000014", 459652, 451975);

        one.Addresses.Add(a.MoveTo("3 Station Road", null, null, "YO1 0BU", new DateOnly(2025, 1, 1), york, a.Current!.Id, 1, FamilyTestData.Today()).Value!);
        two.Addresses.Add(b.MoveTo("9 Orchard Close", null, null, "YO1 0BU", new DateOnly(2025, 2, 1), york, b.Current!.Id, 1, FamilyTestData.Today()).Value!);
        await one.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
        Assert.Equal(2, await AddressesAsync(child));
    }
}
