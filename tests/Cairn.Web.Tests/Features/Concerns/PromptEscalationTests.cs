using Cairn.Domain.Concerns;
using Cairn.Web.Background.Concerns;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class PromptEscalationTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task An_unanswered_prompt_escalates_once_per_rung()
    {
        var (child, _) = await FourAgenciesAsync();
        var prompt = Assert.Single(await PromptsAsync(child));

        async Task<int> SweepAsync(DateTimeOffset at)
        {
            Factory.Clock.Set(at);
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConcernSweep>().EscalateAsync(at);
        }

        await SweepAsync(prompt.DueAt.AddMinutes(-1));
        Assert.Equal(0, (await PromptsAsync(child))[0].EscalationLevel);
        await SweepAsync(prompt.DueAt.AddMinutes(1));
        await SweepAsync(prompt.DueAt.AddMinutes(2));
        var once = Assert.Single(await PromptsAsync(child));
        Assert.Equal(1, once.EscalationLevel);
        Assert.Single(once.Events, e => e.Kind == ConcernPromptEventKind.Escalated);
        Assert.NotNull(once.NextEscalationAt);

        await SweepAsync(once.NextEscalationAt!.Value.AddMinutes(1));
        await SweepAsync(once.NextEscalationAt!.Value.AddMinutes(2));
        var twice = Assert.Single(await PromptsAsync(child));
        Assert.Equal(2, twice.EscalationLevel);
        Assert.Equal(2, twice.Events.Count(e => e.Kind == ConcernPromptEventKind.Escalated));
        Factory.Clock.Set(Now);
    }
}
