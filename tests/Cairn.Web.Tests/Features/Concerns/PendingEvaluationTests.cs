using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class PendingEvaluationTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task When_evaluation_fails_the_entry_is_saved_the_request_succeeds_and_the_next_sweep_evaluates_it()
    {
        Factory.Fault.On = true;
        (PersonId Child, Guid[] Entries) four;
        try
        {
            // The fourth entry's evaluation raises a prompt, whose write the database refuses: RecordAsync checks the 201.
            four = await FourAgenciesAsync();
        }
        finally
        {
            Factory.Fault.On = false;
        }

        var (child, entries) = four;
        Assert.True(await Factory.WithDbAsync(db => db.ChronologyEntries.AnyAsync(e => e.Id == new ChronologyEntryId(entries[3]))));
        Assert.Empty(await PromptsAsync(child));
        Assert.Single(await PendingAsync(child));

        // Within the grace the request is still taken to be evaluating it; after it, the sweep evaluates it once.
        Assert.Equal(0, await SweepPendingAsync(Now));
        Assert.Equal(1, await SweepPendingAsync(Now.Add(ConcernSweep.PendingGrace)));
        var prompt = Assert.Single(await PromptsAsync(child));
        Assert.Equal(entries.Order(), prompt.Entries.Select(e => e.Value).Order());
        Assert.Empty(await PendingAsync(child));
        Assert.Equal(0, await SweepPendingAsync(Now.Add(ConcernSweep.PendingGrace)));
    }

    [Fact]
    public async Task A_pending_evaluation_that_keeps_failing_stays_pending_without_holding_up_the_others()
    {
        Factory.Clock.Set(Now);
        var (mother, baby) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);
        var (_, calm) = await FamilyAsync(Today.AddYears(-8), Accounts.SocialWorker);
        // Facts written straight to the database, each with the note a handler would have left had its evaluation failed:
        // the baby's raises a prompt (refused while the fault is on), the other child's raises nothing.
        await Factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, mother, false);
            db.PendingEvaluations.Add(new PendingEvaluation { PersonId = mother, QueuedAt = Now.AddMinutes(-5) });
            db.PendingEvaluations.Add(new PendingEvaluation { PersonId = calm, QueuedAt = Now.AddMinutes(-4) });
            return await db.SaveChangesAsync();
        });

        Factory.Fault.On = true;
        try
        {
            Assert.Equal(1, await SweepPendingAsync(Now));
        }
        finally
        {
            Factory.Fault.On = false;
        }

        Assert.Single(await PendingAsync(mother));
        Assert.Empty(await PendingAsync(calm));
        Assert.Empty(await PromptsAsync(baby));

        Assert.Equal(1, await SweepPendingAsync(Now));
        Assert.Contains(await PromptsAsync(baby), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
        Assert.Empty(await PendingAsync(mother));
    }
}
