using System.Net;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class DisagreementStepTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task Bad_input_to_a_step_is_a_validation_problem_and_nothing_changes(string step, string json, string fields)
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        json = json.Replace("RAISER", (await Factory.ProfessionalIdAsync(Accounts.SocialWorker)).ToString(), StringComparison.Ordinal)
            .Replace("OWNER", (await Factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(), StringComparison.Ordinal);

        var response = await frontDoor.PostAsync($"/api/v1/disagreements/{id}/{step}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(fields.Split('|').Order(StringComparer.OrdinalIgnoreCase),
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1, 1), (stored.Status, stored.Stage, stored.Version, stored.History.Count));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (_, _, id) = await RaisedAsync();
        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        var escalated = await PostAsync(frontDoor, id, "escalate",
            new { reason = "We could not agree", nextOwnerId = await Factory.ProfessionalIdAsync(Accounts.TeamManager), version = 1 });
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var manager = await Factory.ApiAsAsync(Accounts.TeamManager);

        var response = await PostAsync(manager, id, "resolve", new { agreed = "Agreed on an old copy", version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, 2, (string?)null), (stored.Status, stored.Version, stored.Resolution));
    }

    [Fact]
    public async Task A_page_step_with_bad_input_or_by_the_wrong_person_shows_the_error_and_changes_nothing()
    {
        var (_, _, id) = await RaisedAsync();
        var location = $"/disagreements/{id}";
        var frontDoor = await Factory.SignedInAsAsync(Accounts.FrontDoor);
        var noReason = await frontDoor.PostAsync($"{location}?handler=Escalate", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Escalate.NextOwnerId"] = "",
            ["Escalate.Reason"] = "",
            ["Escalate.Version"] = "1",
        }));
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter why it could not be resolved at this stage", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Escalate_NextOwnerId\"", html, StringComparison.Ordinal);

        var raiser = await Factory.SignedInAsAsync(Accounts.SocialWorker);
        var notTheirs = await raiser.PostAsync($"{location}?handler=Resolve", await Clients.FormAsync(raiser, location, new()
        {
            ["Resolve.Agreed"] = "I agree with myself",
            ["Resolve.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains(Disagreement.OnlyOwnerMessage, await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await StoredAsync(id);
        Assert.Equal((DisagreementStatus.Open, DisagreementStage.Practitioners, 1), (stored.Status, stored.Stage, stored.Version));
    }
}
