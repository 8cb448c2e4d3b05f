using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Concerns;

/// <summary>
/// PUT /api/v1/concern-rules (issue #17, defect 4): never last-write-wins (33 of 60 concurrent writes from one read once
/// succeeded), and a body that leaves a rule out is refused, not filled with defaults ({} once reset every rule).
/// </summary>
public sealed class ChangeConcernRulesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    [Fact]
    public async Task An_empty_body_or_one_missing_a_rule_is_400_and_changes_nothing()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        Assert.Equal(HttpStatusCode.OK, (await lead.ChangeConcernRulesAsync(b => b["cumulativeConcern"]!["threshold"] = 11)).StatusCode);
        var before = await lead.GetStringAsync("/api/v1/concern-rules");

        var empty = await lead.PutAsJsonAsync("/api/v1/concern-rules", new { });
        var noOffTheRadar = await lead.PutAsJsonAsync("/api/v1/concern-rules", await lead.ReadForChangeAsync(b => b.Remove("offTheRadar")));
        var noVersion = await lead.PutAsJsonAsync("/api/v1/concern-rules", await lead.ReadForChangeAsync(b => b.Remove("version")));

        var emptyErrors = await ErrorsAsync(empty);
        Assert.True(emptyErrors.TryGetProperty("version", out _));
        Assert.True(emptyErrors.TryGetProperty("cumulativeConcern", out _));
        Assert.True(emptyErrors.TryGetProperty("prompts", out _));
        Assert.Equal(["offTheRadar"], (await ErrorsAsync(noOffTheRadar)).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["version"], (await ErrorsAsync(noVersion)).EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await lead.GetStringAsync("/api/v1/concern-rules"));

        Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
    }

    [Fact]
    public async Task A_second_write_from_the_same_read_is_409_and_the_first_stands()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var leadsRead = await lead.ReadForChangeAsync(b => b["cumulativeConcern"]!["threshold"] = 13);
        var adminsRead = await admin.ReadForChangeAsync(b => b["cumulativeConcern"]!["threshold"] = 9);

        var first = await lead.PutAsJsonAsync("/api/v1/concern-rules", leadsRead);
        var second = await admin.PutAsJsonAsync("/api/v1/concern-rules", adminsRead);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var stored = await lead.GetFromJsonAsync<JsonElement>("/api/v1/concern-rules");
        Assert.Equal(13, stored.GetProperty("settings").GetProperty("cumulativeConcern").GetProperty("threshold").GetInt32());
        Assert.Equal(leadsRead["version"]!.GetValue<int>() + 1, stored.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
    }

    [Fact]
    public async Task Concurrent_writes_from_one_read_let_exactly_one_through()
    {
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var read = await lead.ReadForChangeAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => factory.ApiAsAsync(Accounts.SafeguardingLead)));

        var answers = await Task.WhenAll(clients.Select((client, i) =>
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(read.ToJsonString())!.AsObject();
            body["cumulativeConcern"]!["threshold"] = 20 + i;
            return client.PutAsJsonAsync("/api/v1/concern-rules", body);
        }));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));

        Assert.Equal(HttpStatusCode.OK, (await lead.ResetConcernRulesAsync()).StatusCode);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("errors");
    }
}
