using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Concerns;
using Cairn.Web.Background.Concerns;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Concerns;

[Collection(ConcernPromptGroup.Name)]
public sealed class RuleSettingsTests(ConcernsFactory factory) : ConcernPromptScenario(factory)
{
    [Fact]
    public async Task Rule_settings_are_for_safeguarding_leads_and_administrators_and_are_validated()
    {
        Factory.Clock.Set(Now);
        var worker = await Factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/concern-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/v1/concern-rules", new { })).StatusCode);

        var admin = await Factory.ApiAsAsync(Accounts.Administrator);
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/concern-rules");
        Assert.Equal(14, current.GetProperty("settings").GetProperty("cumulativeConcern").GetProperty("threshold").GetInt32());

        var bad = await admin.ChangeConcernRulesAsync(b => b["cumulativeConcern"]!["windowDays"] = 0);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("cumulativeConcern.windowDays", out _));

        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        var saved = await lead.ChangeConcernRulesAsync(b =>
        {
            b["cumulativeConcern"]!["windowDays"] = 120;
            b["cumulativeConcern"]!["threshold"] = 12;
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = await lead.GetFromJsonAsync<JsonElement>("/api/v1/concern-rules");
        Assert.Equal(12, stored.GetProperty("settings").GetProperty("cumulativeConcern").GetProperty("threshold").GetInt32());
        Assert.False(stored.GetProperty("isDefault").GetBoolean());

        // Back to the defaults, so the other tests in this class see them.
        Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
    }

    [Fact]
    public async Task Saving_the_rule_settings_changes_the_very_next_evaluation()
    {
        Factory.Clock.Set(Now);
        var (_, child) = await FamilyAsync(Today.AddYears(-7), Accounts.SocialWorker, Accounts.Police);
        // One agency's one concern: under the defaults (step-up 14 from 2 agencies) it adds up to nothing, and this
        // evaluation leaves the area's settings cached.
        await RecordAsync(Accounts.Police, child, new
        {
            occurredAt = Now.AddDays(-3),
            category = "Police",
            significance = "Significant",
            concerns = DomesticAbuse,
            summary = "Domestic incident at the home address; the child was present",
        });
        Assert.DoesNotContain(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);

        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        try
        {
            var saved = await lead.ChangeConcernRulesAsync(b =>
            {
                b["cumulativeConcern"]!["threshold"] = 1;
                b["cumulativeConcern"]!["minAgencies"] = 1;
            });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

            await using var scope = Factory.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ConcernEvaluator>().EvaluateAsync([child], CancellationToken.None);
            Assert.Equal(1, result.Raised);
            Assert.Contains(await PromptsAsync(child), p => p.Rule == ConcernRule.CumulativeConcern);
        }
        finally
        {
            // Back to the defaults, so the other tests in this class see them.
            Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
        }
    }
}
