using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class ResolveDisagreementTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task A_chronology_entry_about_the_child_can_name_the_decision()
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var entry = await (await raiser.PostAsJsonAsync($"/api/v1/people/{child}/chronology", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            category = "Decision",
            significance = "Significant",
            summary = "Front door decision: no further action",
        })).JsonAsync();
        var entryId = entry.GetProperty("id").GetGuid();

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor, entryId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new ChronologyEntryId(entryId), (await StoredAsync((await response.JsonAsync()).GetProperty("id").GetGuid())).DecisionEntryId);
    }
}
