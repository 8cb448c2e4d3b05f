using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class ViewDisagreementTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task An_uninvolved_professional_gets_404_for_everything_and_nothing_changes()
    {
        var (_, child, id) = await RaisedAsync();
        var outsider = await Factory.ApiAsAsync(Accounts.Uninvolved);
        var outsiderId = await Factory.ProfessionalIdAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/disagreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "resolve", new { agreed = "Agreed", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "escalate", new { reason = "No", nextOwnerId = outsiderId, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, id, "withdraw", new { reason = "No", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor))).StatusCode);
        // Exactly the answer for a disagreement or a child that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/disagreements/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}/disagreements", await ARequestAsync(Accounts.FrontDoor))).StatusCode);

        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, 1, 1), (stored.Status, stored.Version, stored.History.Count));
        Assert.Equal(1, await CountForAsync(child));
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("disagreement.") && a.ActorId == outsiderId)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "record.open" && a.PersonId == child && a.ActorId == outsiderId && a.Outcome == "refused")));
        var browser = await Factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/disagreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/people/{child}/disagreements/new")).StatusCode);
        var list = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/disagreements");
        Assert.DoesNotContain(list.GetProperty("raised").EnumerateArray().Concat(list.GetProperty("toActOn").EnumerateArray()), d => d.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_stage_owner_who_cannot_open_the_childs_record_can_still_see_and_resolve_the_disagreement()
    {
        var (_, child, id) = await RaisedAsync(Accounts.HealthVisitor);
        var visitor = await Factory.ApiAsAsync(Accounts.HealthVisitor);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/v1/people/{child}")).StatusCode);

        var details = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");

        Assert.False(details.GetProperty("mayOpenChildRecord").GetBoolean());
        Assert.True(details.GetProperty("mayResolveOrEscalate").GetBoolean());
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).LastAsync(a => a.Action == "disagreement.view" && a.RecordId == id));
        Assert.Equal("Party", audit.Detail);
        var page = await (await Factory.SignedInAsAsync(Accounts.HealthVisitor)).GetStringAsync($"/disagreements/{id}");
        Assert.DoesNotContain($"href=\"/people/{child}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(visitor, id, "resolve", new { agreed = "Health visitor will share the growth chart today", version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Someone_who_may_open_the_record_sees_it_but_only_the_owner_may_act()
    {
        var (_, _, id) = await RaisedAsync();
        // The raiser's team manager reaches the child through the team, but owns no stage yet.
        var manager = await Factory.ApiAsAsync(Accounts.TeamManager);

        var details = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/disagreements/{id}");
        Assert.True(details.GetProperty("mayOpenChildRecord").GetBoolean());
        Assert.False(details.GetProperty("mayResolveOrEscalate").GetBoolean());

        var resolve = await PostAsync(manager, id, "resolve", new { agreed = "Agreed", version = 1 });
        var escalate = await PostAsync(manager, id, "escalate",
            new { reason = "No", nextOwnerId = await Factory.ProfessionalIdAsync(Accounts.SafeguardingLead), version = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
        Assert.True(await AuditedAsync("disagreement.resolve", id, "refused"));
        Assert.True(await AuditedAsync("disagreement.escalate", id, "refused"));
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1), (stored.Status, stored.Stage, stored.Version));
    }
}
