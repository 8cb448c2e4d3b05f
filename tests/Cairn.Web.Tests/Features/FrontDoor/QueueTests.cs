using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class QueueTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task The_front_door_queue_counts_open_contacts_by_status_and_age_for_the_front_door_only()
    {
        Factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        var queue = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/front-door/queue?status=AwaitingDecision");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == contact);
        Assert.True(queue.GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "AwaitingDecision" && c.GetProperty("age").GetString() == "UnderFourHours")
            .Sum(c => c.GetProperty("count").GetInt32()) >= 1);

        var worker = await Factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/front-door/queue")).StatusCode);
    }

    [Fact]
    public async Task Front_door_pages_answer_their_users_and_refuse_others()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var frontDoor = await Factory.SignedInAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync($"/people/{children[0].Value}/contacts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door/threshold")).StatusCode);

        var police = await Factory.SignedInAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/people/{children[0].Value}/police-notifications/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await police.GetAsync($"/people/{children[0].Value}/contacts/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await police.GetAsync("/front-door")).StatusCode);
    }
}
