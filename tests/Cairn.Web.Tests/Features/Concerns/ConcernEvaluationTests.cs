using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Chronology;
using Cairn.Domain.Concerns;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class ConcernEvaluationTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task Four_agencies_concerns_add_up_to_one_prompt_for_the_lead_professional_listing_all_four()
    {
        var (child, entries) = await FourAgenciesAsync();

        var prompt = Assert.Single(await PromptsAsync(child));
        Assert.Equal(ConcernRule.CumulativeConcern, prompt.Rule);
        Assert.Equal(entries.Order(), prompt.Entries.Select(e => e.Value).Order());
        Assert.Equal(await Factory.ProfessionalOfAsync(Accounts.SocialWorker), prompt.AssignedProfessional);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "concern.raise" && a.PersonId == child.Value)));
        var lead = await Factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/concerns/{prompt.Id.Value}")));

        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/concerns");
        Assert.Contains(list.GetProperty("prompts").EnumerateArray(), p => p.GetProperty("id").GetGuid() == prompt.Id.Value);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/concerns/{prompt.Id.Value}");
        Assert.Equal(4, details.GetProperty("evidence").GetArrayLength());
        Assert.All(details.GetProperty("evidence").EnumerateArray(), e => Assert.StartsWith("/chronology/", e.GetProperty("link").GetString(), StringComparison.Ordinal));

        // Evaluating again changes nothing: the open prompt already holds every entry.
        await using var scope = Factory.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([child], CancellationToken.None);
        Assert.Equal((0, 0), (again.Raised, again.Refreshed));
        Assert.Single(await PromptsAsync(child));

        // A fifth concern is added to the open prompt as new evidence, kept with what was there, and its version moves on.
        var fifth = await FifthConcernAsync(child);
        var refreshed = Assert.Single(await PromptsAsync(child));
        Assert.Equal(entries.Append(fifth).Order(), refreshed.Entries.Select(e => e.Value).Order());
        Assert.Contains(refreshed.Events, e => e.Kind == ConcernPromptEventKind.EvidenceAdded);
        Assert.True(refreshed.Version > prompt.Version);
    }

    [Fact]
    public async Task Evaluating_in_a_context_that_has_already_read_the_prompt_still_adds_the_new_evidence_and_refuses_unsaved_work()
    {
        var (child, entries) = await FourAgenciesAsync();
        // A fifth concern written straight to the database: nothing has evaluated it yet.
        await Factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, child, true);
            return await db.SaveChangesAsync();
        });

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var evaluator = scope.ServiceProvider.GetRequiredService<ConcernEvaluator>();
        // As a sweep in the same scope may leave it: the open prompt read and tracked.
        var tracked = await db.ConcernPrompts.SingleAsync(p => p.Child == child && p.Rule == ConcernRule.CumulativeConcern);
        db.Notifications.Add(new Notification { ProfessionalId = tracked.AssignedProfessional!.Value, Kind = "test", Text = "unsaved", CreatedAt = Now });
        await Assert.ThrowsAsync<InvalidOperationException>(() => evaluator.EvaluateAsync([child], CancellationToken.None));
        db.ChangeTracker.Entries<Notification>().Single().State = EntityState.Detached;

        var result = await evaluator.EvaluateAsync([child], CancellationToken.None);

        Assert.True(result.Refreshed >= 1);
        var prompt = Assert.Single(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);
        Assert.Equal(entries.Length + 1, prompt.Entries.Count);
        Assert.False(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Kind == "test")));
    }

    [Fact]
    public async Task A_child_under_two_in_a_household_where_an_adult_misuses_alcohol_gets_a_prompt()
    {
        Factory.Clock.Set(Now);
        var (mother, baby) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);

        var entry = await RecordAsync(Accounts.SafeguardingLead, mother, new
        {
            occurredAt = Now.AddDays(-5),
            category = "Incident",
            significance = "Routine",
            concerns = AlcoholMisuse,
            summary = "Mother disclosed drinking heavily most evenings",
        });

        var prompt = Assert.Single(await PromptsAsync(baby), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
        Assert.Equal([new ChronologyEntryId(entry)], prompt.Entries);
        Assert.Equal(await Factory.ProfessionalOfAsync(Accounts.HealthVisitor), prompt.AssignedProfessional);
    }

    [Fact]
    public async Task Recording_an_entry_evaluates_only_the_children_it_concerns()
    {
        Factory.Clock.Set(Now);
        var (_, other) = await FamilyAsync(Today.AddMonths(-10), Accounts.HealthVisitor);
        // Facts written straight to the database: nothing has evaluated this child yet.
        await Factory.WithDbAsync(async db =>
        {
            await AddDomesticIncidentAsync(db, other, true);
            return await db.SaveChangesAsync();
        });
        var (child, _) = await FourAgenciesAsync();

        Assert.Single(await PromptsAsync(child));
        Assert.Empty(await PromptsAsync(other));

        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([other], CancellationToken.None);
        Assert.Equal(1, result.Children);
        Assert.Contains(await PromptsAsync(other), p => p.Rule == ConcernRule.UnderTwoInRiskHousehold);
    }

    [Fact]
    public async Task An_agency_created_after_the_kinds_were_cached_is_read_with_its_kind()
    {
        Factory.Clock.Set(Now);
        var (_, baby) = await FamilyAsync(Today.AddDays(-40), Accounts.SocialWorker, Accounts.Police);
        async Task<EvaluationResult> EvaluateAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([baby], CancellationToken.None);
        }

        // Six weeks old, no face-to-face health visit: a finding. The entry's evaluation cached every agency known so far.
        await RecordAsync(Accounts.Police, baby, new
        {
            occurredAt = Now.AddDays(-2),
            category = "Police",
            significance = "Routine",
            summary = "Welfare check at the address; no concerns",
        });
        Assert.Equal(1, (await EvaluateAsync()).Findings);

        // A health visiting service joins afterwards, and its visitor sees the baby face to face.
        await Factory.WithDbAsync(async db =>
        {
            var service = Agency.Create(await Factory.DemoAreaIdAsync(), "New health visiting service " + Tag(), AgencyKind.HealthVisiting);
            db.Agencies.Add(service);
            var recorder = await Factory.ProfessionalOfAsync(Accounts.HealthVisitor);
            var content = new ChronologyContent(Now.AddDays(-1), ChronologyCategory.Appointment, Significance.Routine, ContactMode.FaceToFace,
                AppointmentOutcome.Attended, "New birth visit", null, null);
            db.ChronologyEntries.Add(ChronologyEntry.Record(content, [(baby, true)], service.Id, service.Kind, recorder, Now).Value!);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, (await EvaluateAsync()).Findings);
    }
}
