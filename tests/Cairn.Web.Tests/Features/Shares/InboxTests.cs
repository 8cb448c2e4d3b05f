using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Shares;

[Collection(FollowThroughGroup.Name)]
public sealed class InboxTests(FollowThroughFactory factory) : FollowThroughScenario(factory)
{
    [Fact]
    public async Task The_team_box_lists_open_shares_most_urgent_then_soonest_due_by_the_running_clock_and_drops_them_when_done()
    {
        // Receipt is due at the next working day's close: the share sent a day earlier is due a day sooner.
        Factory.Clock.Set(TestClock.London(2026, 9, 8, 10, 0));
        var (_, _, soon) = await SendAsync(days: 5);
        Factory.Clock.Set(TestClock.London(2026, 9, 9, 10, 0));
        var (_, _, slow) = await SendAsync(days: 2);
        var (_, _, urgent) = await SendAsync(urgency: "SameWorkingDay", days: null);
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);

        async Task<List<(Guid Id, string Urgency, DateTimeOffset Due)>> TeamBoxAsync() =>
            (await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team")).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("urgency").GetString()!, i.GetProperty("dueAt").GetDateTimeOffset())).ToList();

        var box = await TeamBoxAsync();
        var mine = box.Where(i => i.Id == slow || i.Id == soon || i.Id == urgent).Select(i => i.Id).ToList();
        Assert.Equal([urgent, soon, slow], mine);
        // The whole box, whatever else other tests sent to it, is in urgency order, then due order within an urgency.
        var ranks = new[] { "Immediate", "SameWorkingDay", "WithinWorkingDays", "BeforeNextSchoolDay" };
        Assert.Equal(box.OrderBy(i => Array.IndexOf(ranks, i.Urgency)).ThenBy(i => i.Due).Select(i => i.Id), box.Select(i => i.Id));

        // Receipt starts the action clock: the box now shows the action's due time, which is the share's own.
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/shares/{soon}/receive", new { version = 1 })).StatusCode);
        var share = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{soon}");
        Assert.Equal(share.GetProperty("actionDueAt").GetDateTimeOffset(), (await TeamBoxAsync()).Single(i => i.Id == soon).Due);

        // Done is out of the box.
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/shares/{soon}/action", new { version = 2, text = "Checked and recorded" })).StatusCode);
        Assert.DoesNotContain(await TeamBoxAsync(), i => i.Id == soon);
    }
}
