using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.People.FindPerson;

/// <summary>Person search for an area-wide viewer (candidates kept in the database) and a need-to-know one (filtered in memory).</summary>
public sealed class FindPersonCandidateTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static async Task<List<string>> NamesAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync($"/api/v1/people?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        return found.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
    }

    private static async Task<List<JsonElement>> PeopleAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync($"/api/v1/people?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("people").EnumerateArray().ToList();
    }

    [Theory]
    [InlineData(Accounts.FrontDoor)]
    [InlineData(Accounts.SocialWorker)]
    public async Task A_typod_name_finds_the_child(string viewer)
    {
        var api = await factory.ApiAsAsync(viewer);

        Assert.Contains("Zofia Nowak", await NamesAsync(api, "name=Zfia+Nowka"));
    }

    /// <summary>Changed from filtering to ranking (issue #16): a postcode is evidence, so someone living elsewhere is still found, lower.</summary>
    [Fact]
    public async Task A_name_and_a_postcode_rank_people_living_there_first()
    {
        var someone = await factory.WithDbAsync(db => db.Addresses.Where(a => a.To == null)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.Postcode, p.GivenName, p.FamilyName })
            .OrderBy(x => x.FamilyName).FirstAsync());
        var elsewhere = await factory.WithDbAsync(db => db.Postcodes.Where(p => p.Postcode != someone.Postcode).Select(p => p.Postcode).FirstAsync());
        var api = await factory.ApiAsAsync(Accounts.FrontDoor);
        var name = Uri.EscapeDataString(someone.FamilyName);

        var full = $"{someone.GivenName} {someone.FamilyName}";
        var there = await PeopleAsync(api, $"name={name}&postcode={Uri.EscapeDataString(someone.Postcode)}");
        var away = await PeopleAsync(api, $"name={name}&postcode={Uri.EscapeDataString(elsewhere)}");

        var living = there.First(p => p.GetProperty("name").GetString() == full);
        Assert.Contains("same postcode", living.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(there, p => p.GetProperty("rank").GetInt32() < living.GetProperty("rank").GetInt32()
            && !p.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == "same postcode"));
        var moved = away.First(p => p.GetProperty("name").GetString() == full);
        Assert.DoesNotContain("same postcode", moved.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(moved.GetProperty("score").GetDouble() < living.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_practitioner_finds_only_the_people_they_may_open()
    {
        var api = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Empty(await NamesAsync(api, "name=Nowak"));
    }
}
