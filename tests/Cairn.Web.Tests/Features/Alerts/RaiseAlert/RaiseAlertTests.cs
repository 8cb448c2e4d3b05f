using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Alerts.RaiseAlert;

/// <summary>
/// Raising a structured alert (L07): a complete alert is saved, owned by whoever raised it, audited and shown at
/// the top of the child's page; a vague one is refused field by field and nothing is saved.
/// </summary>
public sealed class RaiseAlertTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, object?> Complete(string risk) => new()
    {
        ["category"] = "RiskFromAPerson",
        ["risk"] = risk,
        ["atRisk"] = "The child and her mother",
        ["fromWhom"] = "Mother's former partner",
        ["source"] = "Nursery manager, phone call",
        ["raisedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["reviewBy"] = Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["description"] = Given.ActionableDescription,
    };

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    private Task<int> AlertCountAsync() => factory.WithDbAsync(db => db.Alerts.CountAsync());

    // Alerts raised; a refused one is audited as "refused" (RefusedChangesAuditTests).
    private Task<int> RaiseAuditCountAsync() =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "alert.raise" && a.Outcome == "succeeded"));

    [Fact]
    public async Task A_complete_alert_raised_through_the_api_is_saved_owned_by_the_raiser_and_audited()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var risk = Unique("Former partner seen at nursery");

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", Complete("  " + risk + "  "));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = new AlertId((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal($"/api/v1/alerts/{id.Value}", response.Headers.Location?.OriginalString);
        var saved = await factory.WithDbAsync(db => db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));
        Assert.Equal(zofia, saved.ChildId);
        Assert.Equal(sam, saved.OwnerId);
        Assert.Equal(risk, saved.Risk);
        Assert.Equal(AlertCategory.RiskFromAPerson, saved.Category);
        Assert.Equal(AlertStatus.Active, saved.Status);
        Assert.Equal(1, saved.Version);
        Assert.Equal(Today.AddMonths(3), saved.ReviewBy);
        Assert.Equal(AlertEventKind.Raised, Assert.Single(saved.History).Kind);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "alert.raise" && a.RecordId == id.Value && a.PersonId == zofia.Value && a.ActorId == sam.Value && a.Outcome == "succeeded")));
    }

    [Fact]
    public async Task A_vague_alert_is_refused_with_an_error_for_every_missing_field_and_nothing_is_saved()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var (alerts, audits) = (await AlertCountAsync(), await RaiseAuditCountAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", new { description = "Be careful with dad." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["atRisk", "category", "description", "fromWhom", "raisedOn", "reviewBy", "risk", "source"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("too short to act on", errors.GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(alerts, await AlertCountAsync());
        Assert.Equal(audits, await RaiseAuditCountAsync());
    }

    [Theory]
    [InlineData("category")]
    [InlineData("risk")]
    [InlineData("atRisk")]
    [InlineData("fromWhom")]
    [InlineData("source")]
    [InlineData("raisedOn")]
    [InlineData("reviewBy")]
    [InlineData("description")]
    public async Task Leaving_out_one_field_is_refused_by_that_fields_name_alone(string left)
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var alert = Complete(Unique("One field missing"));
        alert[left] = left is "category" or "raisedOn" or "reviewBy" ? null : "   ";
        var before = await AlertCountAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", alert);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([left], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await AlertCountAsync());
    }

    [Theory]
    [InlineData("Father is dangerous. Do not let him near the child at any time.")] // 13 words, under 80 characters
    [InlineData("Extraordinarily-threatening-behaviour-towards-professionals-documented-repeatedly-by-multiple-agencies.")] // over 80 characters, one word
    public async Task A_description_too_short_to_act_on_is_refused(string description)
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var alert = Complete(Unique("Short description"));
        alert["description"] = description;
        var before = await AlertCountAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", alert);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["description"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, await AlertCountAsync());
    }

    [Fact]
    public async Task A_body_that_does_not_parse_is_a_400_problem_not_a_server_error()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var before = await AlertCountAsync();

        var response = await api.PostAsync($"/api/v1/people/{zofia.Value}/alerts",
            new StringContent("{\"category\":\"RiskFromAPerson\",\"raisedOn\":\"yesterday\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await AlertCountAsync());
    }

    [Fact]
    public async Task Raising_through_the_page_saves_the_alert_and_shows_it_at_the_top_of_the_child_page()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{zofia.Value}/alerts/new";
        var risk = Unique("Threats made at the school gate");

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, PageForm(risk, Given.ActionableDescription)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{zofia.Value}", response.Headers.Location?.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.Alerts.AnyAsync(a => a.ChildId == zofia && a.Risk == risk && a.Status == AlertStatus.Active)));
        var childPage = await web.GetStringAsync($"/people/{zofia.Value}");
        Assert.Contains(risk, AlertsSection(childPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vague_alert_on_the_page_gets_an_error_summary_linking_each_field_and_nothing_is_saved()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{zofia.Value}/alerts/new";
        var before = await AlertCountAsync();
        var form = PageForm("", "Be careful.");
        form.Remove("Input.Source");

        var response = await web.PostAsync(path, await Clients.FormAsync(web, path, form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Risk\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Source\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Description\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#Input_AtRisk\"", html, StringComparison.Ordinal);
        Assert.Contains("too short to act on", html, StringComparison.Ordinal);
        Assert.Equal(before, await AlertCountAsync());
    }

    [Fact]
    public async Task An_alert_raised_by_one_professional_is_shown_to_everyone_who_can_open_the_record()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var risk = Unique("Dog at the home is dangerous");
        var raised = await (await factory.ApiAsAsync(Accounts.SocialWorker)).PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", Complete(risk));
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);

        var healthVisitorPage = await (await factory.SignedInAsAsync(Accounts.HealthVisitor)).GetStringAsync($"/people/{zofia.Value}");
        var frontDoorRecord = await (await factory.ApiAsAsync(Accounts.FrontDoor)).GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia.Value}");

        Assert.Contains(risk, AlertsSection(healthVisitorPage), StringComparison.Ordinal);
        Assert.Contains(frontDoorRecord.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("risk").GetString() == risk);
    }

    [Fact]
    public async Task Someone_not_involved_gets_404_from_page_and_api_nothing_is_saved_and_the_attempt_is_audited()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var casey = await factory.ProfessionalOfAsync(Accounts.Uninvolved);
        var api = await factory.ApiAsAsync(Accounts.Uninvolved);
        var web = await factory.SignedInAsAsync(Accounts.Uninvolved);
        var path = $"/people/{zofia.Value}/alerts/new";
        var before = await AlertCountAsync();
        var lastAudit = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var apiResponse = await api.PostAsJsonAsync($"/api/v1/people/{zofia.Value}/alerts", Complete(Unique("Not theirs to raise")));
        var pageGet = await web.GetAsync(path);
        // The antiforgery token comes from a page Casey may open; the form itself is refused.
        var pagePost = await web.PostAsync(path, await Clients.FormAsync(web, "/people", PageForm(Unique("Not theirs either"), Given.ActionableDescription)));

        Assert.Equal(HttpStatusCode.NotFound, apiResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pageGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pagePost.StatusCode);
        Assert.DoesNotContain("Nowak", await pageGet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await AlertCountAsync());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > lastAudit && a.ActorId == casey.Value).ToListAsync());
        Assert.Contains(audit, a => a.Action == "record.open" && a.Outcome == "refused" && a.PersonId == zofia.Value);
        Assert.DoesNotContain(audit, a => a.Action == "alert.raise");
    }

    private static Dictionary<string, string> PageForm(string risk, string description) => new()
    {
        ["Input.Category"] = "RiskFromAPerson",
        ["Input.Risk"] = risk,
        ["Input.AtRisk"] = "The child and her mother",
        ["Input.FromWhom"] = "Mother's former partner",
        ["Input.Source"] = "Nursery manager, phone call",
        ["Input.RaisedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.ReviewBy"] = Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Description"] = description,
    };

    /// <summary>The alerts banner at the top of the child page, so a match cannot come from elsewhere on the page.</summary>
    private static string AlertsSection(string html)
    {
        var start = html.IndexOf("<section class=\"cairn-alerts\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The child page shows no alerts section");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
