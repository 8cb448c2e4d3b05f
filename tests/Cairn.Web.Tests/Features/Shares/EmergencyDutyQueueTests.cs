using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class EmergencyDutyQueueTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task An_urgent_share_arriving_at_the_weekend_waits_with_the_emergency_duty_team_then_reaches_the_day_team()
    {
        Factory.Clock.Set(TestClock.London(2026, 8, 29, 11, 0));
        var (_, _, id) = await SendAsync("Immediate", null);
        var edt = await Factory.ApiAsAsync(EmergencyDuty);
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        var queue = await edt.GetFromJsonAsync<JsonElement>("/api/v1/shares/emergency-duty");
        Assert.Contains(queue.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await edt.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty-note", new { version = 1, text = "Called the police; child safe with grandmother overnight" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.GetAsync("/api/v1/shares/emergency-duty")).StatusCode);

        Factory.Clock.Set(TestClock.London(2026, 9, 1, 9, 0));
        var inbox = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var share = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");
        Assert.Equal("Called the police; child safe with grandmother overnight", share.GetProperty("emergencyDutyNote").GetString());
        Assert.Equal(TestClock.London(2026, 9, 1, 10, 0), share.GetProperty("receiptDueAt").GetDateTimeOffset());
    }
}
