using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class YourDisagreementsTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task The_list_shows_what_you_own_and_what_you_raised()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        var mine = await raiser.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");
        var owned = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");

        Assert.Contains(mine.GetProperty("raised").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(mine.GetProperty("toActOn").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var item = Assert.Single(owned.GetProperty("toActOn").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal("Practitioners", item.GetProperty("stage").GetString());
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "disagreements.list.view")));
        var page = await (await Factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync("/disagreements");
        Assert.Contains($"/disagreements/{id}", page, StringComparison.Ordinal);
        Assert.Contains("For you to act on", page, StringComparison.Ordinal);
    }
}
