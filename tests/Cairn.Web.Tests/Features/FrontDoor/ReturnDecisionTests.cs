using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class ReturnDecisionTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task A_returned_decision_goes_back_to_the_front_door_with_its_history()
    {
        Factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(frontDoor, contact, "EarlyHelp", "NoFurtherAction", indicators: ["EH03"])).StatusCode);
        var manager = await Factory.ApiAsAsync(FrontDoorManager);

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/return", new { version = 2 })).StatusCode);
        var returned = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/return", new { version = 2, note = "Look again at the school's attendance concerns." });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var view = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal("AwaitingDecision", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("outcome").ValueKind);
        Assert.Contains(view.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ReturnedByManager"
            && e.GetProperty("note").GetString()!.Contains("attendance concerns", StringComparison.Ordinal));
    }
}
