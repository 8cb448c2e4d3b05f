using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Disagreements;

[Collection(DisagreementGroup.Name)]
public sealed class RaiseDisagreementTests(CairnFactory factory) : DisagreementScenario(factory)
{
    [Fact]
    public async Task Raised_through_the_api_it_is_owned_at_stage_1_due_in_five_working_days_and_audited()
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", await ARequestAsync(Accounts.FrontDoor));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/disagreements/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Practitioners", body.GetProperty("stage").GetString());
        Assert.Equal(await Factory.ProfessionalIdAsync(Accounts.FrontDoor), body.GetProperty("ownerId").GetGuid());
        Assert.Equal(DisagreementRules.Default.DueAt(DisagreementStage.Practitioners, before).Date,
            body.GetProperty("dueAt").GetDateTimeOffset().Date);
        var stored = await StoredAsync(id);
        Assert.Equal((new PersonId(child), await Factory.ProfessionalIdAsync(Accounts.SocialWorker)), (stored.ChildId, stored.RaisedBy.Value));
        Assert.Equal(stored.DueAt, stored.NextEscalationAt);
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "disagreement.raise" && a.RecordId == id));
        Assert.Equal((child, "disagreement", "stage 1"), (audit.PersonId, audit.RecordType, audit.Detail));
    }

    [Theory]
    [MemberData(nameof(BadRaises))]
    public async Task Bad_input_to_raise_is_a_validation_problem_naming_each_field_and_nothing_is_saved(string json, string[] fields)
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();
        json = json.Replace("OWNER", (await Factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(), StringComparison.Ordinal)
            .Replace("SELF", (await Factory.ProfessionalIdAsync(Accounts.SocialWorker)).ToString(), StringComparison.Ordinal)
            .Replace("ADMIN", (await Factory.ProfessionalIdAsync(Accounts.Administrator)).ToString(), StringComparison.Ordinal);

        var response = await raiser.PostAsync($"/api/v1/people/{child}/disagreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await CountForAsync(child));
    }

    // Skipped until the host answers a body it cannot read with 400: in Development (as these tests run) minimal APIs
    // throw BadHttpRequestException and CairnApp's exception handler turns it into a 500. Every endpoint does the same.
    [Theory]
    [InlineData("""{"decision":"NFA","concern":"c","outcomeSought":"o","ownerId":"not-a-guid"}""")]
    [InlineData("""{"decision":42,"concern":"c","outcomeSought":"o"}""")]
    [InlineData("""{"decision":"NFA""")]
    public async Task Malformed_json_to_raise_is_a_400_not_a_500(string json)
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();

        var response = await raiser.PostAsync($"/api/v1/people/{child}/disagreements", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountForAsync(child));
    }

    [Fact]
    public async Task Text_longer_than_the_limits_is_refused()
    {
        var raiser = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await raiser.CreateChildAsync();

        var response = await raiser.PostAsJsonAsync($"/api/v1/people/{child}/disagreements", new
        {
            decision = new string('d', DisagreementDraft.MaxDecisionLength + 1),
            concern = "Bruising seen twice",
            outcomeSought = "A strategy discussion",
            ownerId = await Factory.ProfessionalIdAsync(Accounts.FrontDoor),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountForAsync(child));
    }

    [Fact]
    public async Task Raised_and_escalated_through_the_pages_with_dates_in_london_time()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);
        var form = await browser.GetStringAsync($"/people/{child}/disagreements/new");
        Assert.Contains("Raise a disagreement about a decision on", form, StringComparison.Ordinal);

        var raise = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()
        {
            ["Input.Decision"] = "No further action on the contact of 3 November",
            ["Input.DecisionEntryId"] = "",
            ["Input.Concern"] = "The school has seen new bruising twice since the contact.",
            ["Input.OutcomeSought"] = "A strategy discussion",
            ["Input.OwnerId"] = (await Factory.ProfessionalIdAsync(Accounts.FrontDoor)).ToString(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);
        var location = raise.Headers.Location!.ToString();
        Assert.StartsWith("/disagreements/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location["/disagreements/".Length..]);
        var page = await browser.GetStringAsync(location);
        Assert.Contains("Stage 1: practitioners", page, StringComparison.Ordinal);
        // Due at the close of a working day, 17:00 in London whatever the season.
        Assert.Contains("at 5:00pm", page, StringComparison.Ordinal);
        Assert.Contains("Withdraw the disagreement", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record outcome", page, StringComparison.Ordinal);

        var frontDoor = await Factory.SignedInAsAsync(Accounts.FrontDoor);
        var ownerPage = await frontDoor.GetStringAsync(location);
        var priya = (await Factory.ProfessionalIdAsync(Accounts.TeamManager)).ToString();
        // The raiser's team manager is suggested for stage 2.
        Assert.Contains($"<option value=\"{priya}\" selected>", ownerPage, StringComparison.Ordinal);
        var escalate = await frontDoor.PostAsync($"{location}?handler=Escalate", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Escalate.NextOwnerId"] = priya,
            ["Escalate.Reason"] = "We could not agree",
            ["Escalate.Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, escalate.StatusCode);
        Assert.Equal(DisagreementStage.Managers, (await StoredAsync(id)).Stage);

        // The front door's form was read at version 1: it is stale now, and no longer theirs.
        var stale = await frontDoor.PostAsync($"{location}?handler=Resolve", await Clients.FormAsync(frontDoor, location, new()
        {
            ["Resolve.Agreed"] = "Agreed after all",
            ["Resolve.Version"] = "1",
        }));
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("govuk-error-summary", staleHtml, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this disagreement", staleHtml, StringComparison.Ordinal);
        Assert.Equal(DisagreementStatus.Open, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task An_incomplete_page_form_gets_an_error_summary_and_nothing_is_saved()
    {
        var api = await Factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await Factory.SignedInAsAsync(Accounts.SocialWorker);

        var response = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()
        {
            ["Input.Decision"] = "",
            ["Input.OwnerId"] = "not-a-guid",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountForAsync(child));

        var empty = await browser.PostAsync($"/people/{child}/disagreements/new", await Clients.FormAsync(browser, $"/people/{child}/disagreements/new", new()));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Enter the decision you disagree with", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Enter why you disagree with the decision", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Select the professional to resolve this with at stage 1", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_OwnerId\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(0, await CountForAsync(child));
    }
}
