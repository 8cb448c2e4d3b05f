using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class EscalateDisagreementTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task It_goes_up_three_stages_each_owner_acting_in_turn_and_the_stage_3_decision_closes_it()
    {
        var (raiser, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var manager = await Factory.ApiAsAsync(Accounts.TeamManager);
        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        var priya = await Factory.ProfessionalIdAsync(Accounts.TeamManager);

        // Stage 2 is suggested to the stage 1 owner as the raiser's team manager.
        var seen = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.Equal(priya, seen.GetProperty("suggestedNextOwnerId").GetGuid());
        Assert.True(seen.GetProperty("mayResolveOrEscalate").GetBoolean());
        Assert.False((await raiser.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}")).GetProperty("mayResolveOrEscalate").GetBoolean());

        var toStage2 = await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = priya, version = 1 });
        Assert.Equal(HttpStatusCode.OK, toStage2.StatusCode);
        Assert.Equal("Managers", (await toStage2.JsonAsync()).GetProperty("stage").GetString());
        var toStage3 = await PostAsync(manager, id, "escalate",
            new { reason = "Managers could not agree", nextOwnerId = await Factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 2 });
        Assert.Equal(HttpStatusCode.OK, toStage3.StatusCode);

        var further = await PostAsync(lead, id, "escalate", new { reason = "Still no agreement", nextOwnerId = priya, version = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, further.StatusCode);
        Assert.True((await further.JsonAsync()).GetProperty("errors").TryGetProperty("stage", out _));

        var resolved = await PostAsync(lead, id, "resolve", new { agreed = "Final decision: a strategy discussion by Friday", version = 3 });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var details = await raiser.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.Equal("Resolved", details.GetProperty("status").GetString());
        Assert.Equal("Final decision: a strategy discussion by Friday", details.GetProperty("resolution").GetString());
        Assert.Equal(["Raised", "Escalated", "Escalated", "Resolved"], details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal(["Escalated", "Escalated", "Resolved"], details.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()));
        Assert.True(await AuditedAsync("disagreement.escalate", id));
        Assert.True(await AuditedAsync("disagreement.resolve", id));
        Assert.True(await AuditedAsync("disagreement.view", id, "allowed"));
        Assert.Null((await StoredAsync(id)).NextEscalationAt);
    }

    [Fact]
    public async Task Stage_2_is_owned_by_a_manager_and_stage_3_by_a_senior_lead_and_anyone_else_is_refused()
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var healthVisitor = await Factory.ProfessionalIdAsync(Accounts.HealthVisitor);

        // A practitioner is not a manager: refused, and nothing changes.
        var toPractitioner = await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = healthVisitor, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, toPractitioner.StatusCode);
        Assert.Contains("stage 2 is between managers", (await toPractitioner.JsonAsync()).GetProperty("errors").GetProperty("nextOwnerId")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal((DisagreementStage.Practitioners, 1), ((await StoredAsync(id)).Stage, (await StoredAsync(id)).Version));
        // The escalate form offers managers only.
        var page = await (await Factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync($"/disagreements/{id}");
        Assert.Contains($"<option value=\"{await Factory.ProfessionalIdAsync(Accounts.TeamManager)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{healthVisitor}\"", page, StringComparison.Ordinal);

        // A team manager may own stage 2, but not stage 3.
        var priya = await Factory.ProfessionalIdAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(frontDoor, id, "escalate", new { reason = "We could not agree", nextOwnerId = priya, version = 1 })).StatusCode);
        var manager = await Factory.ApiAsAsync(Accounts.TeamManager);
        var ellis = await Factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id.Value).SingleAsync());
        var toManager = await PostAsync(manager, id, "escalate", new { reason = "Managers could not agree", nextOwnerId = ellis, version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, toManager.StatusCode);
        Assert.Contains("stage 3 is between senior leads", (await toManager.JsonAsync()).GetProperty("errors").GetProperty("nextOwnerId")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(DisagreementStage.Managers, (await StoredAsync(id)).Stage);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(manager, id, "escalate",
            new { reason = "Managers could not agree", nextOwnerId = await Factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 2 })).StatusCode);
        Assert.Equal(DisagreementStage.SeniorLeads, (await StoredAsync(id)).Stage);
    }
}
