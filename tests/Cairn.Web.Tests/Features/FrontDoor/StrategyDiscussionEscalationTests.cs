using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Escalation;
using Cairn.Domain.Time;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class StrategyDiscussionEscalationTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task An_overdue_strategy_discussion_escalates_once_at_the_due_time_again_at_the_next_rung_and_shows_on_the_queue()
    {
        var id = await StrategyDiscussionRequiredAsync();
        var required = await Factory.WithDbAsync(db => db.StrategyDiscussions.SingleAsync(d => d.Id == id));
        Assert.Equal(required.DueAt, required.NextEscalationAt);

        async Task<(int Level, int Told)> SweepDiscussionsAsync(DateTimeOffset at)
        {
            Factory.Clock.Set(at);
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().EscalateStrategyDiscussionsAsync(at);
            var level = await Factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.EscalationLevel).SingleAsync());
            var told = await Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "strategy-discussion.escalated" && n.Link == $"/strategy-discussions/{id.Value}"));
            return (level, told);
        }

        Assert.Equal((0, 0), await SweepDiscussionsAsync(required.DueAt.AddMinutes(-1)));
        var first = await SweepDiscussionsAsync(required.DueAt);
        Assert.Equal(1, first.Level);
        Assert.True(first.Told > 0);
        var managerId = await Factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == managerId && n.Kind == "strategy-discussion.escalated")));
        // A repeated sweep before the next rung changes nothing.
        Assert.Equal(first, await SweepDiscussionsAsync(required.DueAt.AddMinutes(5)));
        var next = await Factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.NextEscalationAt).SingleAsync());
        Assert.NotNull(next);
        Assert.Equal(first, await SweepDiscussionsAsync(next!.Value.AddMinutes(-1)));
        var second = await SweepDiscussionsAsync(next.Value);
        Assert.Equal(2, second.Level);
        Assert.True(second.Told > first.Told);
        Assert.Equal(second, await SweepDiscussionsAsync(next.Value.AddMinutes(1)));

        var queue = await (await Factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync("/front-door");
        Assert.Contains($"/strategy-discussions/{id.Value}", queue, StringComparison.Ordinal);
        Assert.Contains("Overdue, level 2", queue, StringComparison.Ordinal);
        Assert.Matches("strategy discussions? (is|are) overdue", queue);
        // The discussion's own page and the API say how far it has climbed.
        var page = await (await Factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync($"/strategy-discussions/{id.Value}");
        Assert.Contains("Overdue, escalation level 2", page, StringComparison.Ordinal);
        Factory.Clock.Set(Now);
        var api = await (await Factory.ApiAsAsync(Accounts.FrontDoor)).GetFromJsonAsync<JsonElement>($"/api/v1/strategy-discussions/{id.Value}");
        Assert.Equal(2, api.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task A_strategy_discussion_escalated_by_one_sweep_is_not_escalated_again_by_a_sweep_that_read_it_before()
    {
        var id = await StrategyDiscussionRequiredAsync();

        // A slow sweep has read the discussion; a faster one escalates it meanwhile.
        await using var slow = Factory.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<CairnDbContext>();
        var stale = await slowDb.StrategyDiscussions.SingleAsync(d => d.Id == id);
        var due = stale.DueAt;
        await using (var fast = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await fast.ServiceProvider.GetRequiredService<FrontDoorSweep>().EscalateStrategyDiscussionsAsync(due) >= 1);
        }

        Assert.NotNull(stale.Sweep(due, EscalationLadder.Default, new WorkingCalendar(EnglandAndWales.BankHolidays)));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slowDb.SaveChangesAsync());
        Assert.Equal(1, await Factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.EscalationLevel).SingleAsync()));
        Factory.Clock.Set(Now);
    }
}
