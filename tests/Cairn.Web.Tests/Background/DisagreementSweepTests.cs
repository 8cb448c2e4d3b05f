using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Background;

/// <summary>
/// The sweep a background worker will call. Time is driven by passing "now"; other tests' disagreements in the same
/// database may be swept too, so every assertion is about this test's own disagreement.
/// </summary>
public sealed class DisagreementSweepTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private async Task<(Guid Id, DateTimeOffset DueAt)> RaisedAsync()
    {
        var raiser = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", new
        {
            decision = "No further action on the contact of 3 November",
            concern = "The school has seen new bruising twice since the contact.",
            outcomeSought = "A strategy discussion",
            ownerId = await factory.ProfessionalIdAsync(Accounts.FrontDoor),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("dueAt").GetDateTimeOffset());
    }

    private async Task<IReadOnlyList<DisagreementEscalation>> SweepAsync(DateTimeOffset now, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<DisagreementSweep>().RunAsync(now, CancellationToken.None);
        return all.Where(e => e.DisagreementId == new DisagreementId(id)).ToList();
    }

    private Task<Disagreement> StoredAsync(Guid id) =>
        factory.WithDbAsync(db => db.Disagreements.AsNoTracking().Include(d => d.Stages).Include(d => d.History).SingleAsync(d => d.Id == new DisagreementId(id)));

    private Task<int> OverdueStepsAsync(Guid id) =>
        factory.WithDbAsync(db => db.DisagreementEvents.CountAsync(e => e.DisagreementId == new DisagreementId(id)
            && (e.Kind == DisagreementEventKind.EscalatedWhenOverdue || e.Kind == DisagreementEventKind.FlaggedForPartnership)));

    [Fact]
    public async Task Nothing_is_escalated_before_it_is_due()
    {
        var (id, dueAt) = await RaisedAsync();

        Assert.Empty(await SweepAsync(dueAt.AddMinutes(-1), id));

        Assert.Equal((DisagreementStage.Practitioners, 1), ((await StoredAsync(id)).Stage, (await StoredAsync(id)).Version));
    }

    [Fact]
    public async Task An_overdue_stage_goes_up_the_ladder_once_per_stage_and_stage_3_is_flagged_for_the_partnership()
    {
        var (id, dueAt) = await RaisedAsync();
        var priya = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.TeamManager));
        var morgan = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.SafeguardingLead));

        var first = Assert.Single(await SweepAsync(dueAt, id));
        Assert.Equal((EscalationKind.MovedToNextStage, DisagreementStage.Managers, (ProfessionalId?)priya), (first.Kind, first.Stage, first.NewOwner));
        Assert.Empty(await SweepAsync(dueAt, id));
        Assert.Empty(await SweepAsync(dueAt.AddHours(1), id));
        var atStage2 = await StoredAsync(id);
        Assert.Equal((DisagreementStage.Managers, priya, 2, 1), (atStage2.Stage, atStage2.OwnerId, atStage2.Version, await OverdueStepsAsync(id)));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == priya && n.Link == $"/disagreements/{id}" && n.Kind == "disagreement.escalated")),
            "The new owner is told through the outbox in the same transaction");
        Assert.True(atStage2.NextEscalationAt > dueAt);

        var second = Assert.Single(await SweepAsync(atStage2.NextEscalationAt!.Value, id));
        Assert.Equal((DisagreementStage.SeniorLeads, (ProfessionalId?)morgan), (second.Stage, second.NewOwner));
        var atStage3 = await StoredAsync(id);

        var flagged = Assert.Single(await SweepAsync(atStage3.NextEscalationAt!.Value.AddDays(1), id));
        Assert.Equal((EscalationKind.FlaggedForPartnership, DisagreementStage.SeniorLeads, (ProfessionalId?)null), (flagged.Kind, flagged.Stage, flagged.NewOwner));
        Assert.Empty(await SweepAsync(atStage3.NextEscalationAt!.Value.AddDays(30), id));

        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.SeniorLeads, morgan, (DateTimeOffset?)null), (stored.Status, stored.Stage, stored.OwnerId, stored.NextEscalationAt));
        Assert.NotNull(stored.PartnershipFlaggedAt);
        Assert.Equal(3, await OverdueStepsAsync(id));
        Assert.Equal([StageOutcome.EscalatedWhenOverdue, StageOutcome.EscalatedWhenOverdue], stored.Stages.Where(s => s.Outcome != null).Select(s => s.Outcome!.Value));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordId == id && a.Action.StartsWith("disagreement.")).OrderBy(a => a.Sequence)
            .Select(a => new { a.Action, a.ActorId, a.Detail }).ToListAsync());
        Assert.Equal(["disagreement.raise", "disagreement.escalate-overdue", "disagreement.escalate-overdue", "disagreement.flag-partnership"], audit.Select(a => a.Action));
        Assert.All(audit.Skip(1), a => Assert.Null(a.ActorId));
        Assert.Equal(["stage 1 to 2", "stage 2 to 3", "stage 3"], audit.Skip(1).Select(a => a.Detail));
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var list = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/disagreements");
        Assert.Contains(list.GetProperty("flaggedForPartnership").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Two_sweeps_running_at_once_escalate_the_stage_exactly_once()
    {
        var (id, dueAt) = await RaisedAsync();

        var runs = await Task.WhenAll(SweepAsync(dueAt, id), SweepAsync(dueAt, id));

        Assert.Equal(1, runs.Sum(r => r.Count));
        Assert.Equal(1, await OverdueStepsAsync(id));
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStage.Managers, 2, 2), (stored.Stage, stored.Version, stored.Stages.Count));
    }

    [Fact]
    public async Task A_sweep_that_loses_the_race_keeps_nothing()
    {
        var (id, dueAt) = await RaisedAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var rules = DisagreementSettings.RulesFrom(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        var late = await db.Disagreements.Include(d => d.Stages).SingleAsync(d => d.Id == new DisagreementId(id));

        // Another sweep escalates between this one's read and its write.
        Assert.Single(await SweepAsync(dueAt, id));
        Assert.True(late.EscalateOverdue([new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.TeamManager))], rules, dueAt).Succeeded);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(1, await OverdueStepsAsync(id));
        Assert.Equal(2, (await StoredAsync(id)).Stages.Count);
    }

    [Fact]
    public async Task A_resolved_disagreement_is_never_swept()
    {
        var (id, dueAt) = await RaisedAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/disagreements/{id}/resolve", new { agreed = "Strategy discussion booked", version = 1 })).StatusCode);

        Assert.Empty(await SweepAsync(dueAt.AddDays(30), id));

        Assert.Equal(0, await OverdueStepsAsync(id));
    }
}
