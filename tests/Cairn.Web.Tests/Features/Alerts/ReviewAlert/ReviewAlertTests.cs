using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Alerts.ReviewAlert;

/// <summary>
/// Reviewing and closing an alert with version checking: whoever writes first wins, a stale write is refused
/// (409 problem+json on the API, an error summary on the page) and never overwrites the first.
/// </summary>
public sealed partial class ReviewAlertTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Review(int version, DateOnly next, string note = "Checked with the police: bail conditions still in force") =>
        new { version, nextReviewBy = Date(next), note };

    private async Task<(AlertId Id, PersonId Child)> NewAlertAsync()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        return (await factory.AlertAsync(zofia, Accounts.SocialWorker, "Test alert " + Guid.NewGuid().ToString("N")[..8]), zofia);
    }

    private Task<Alert> AlertAsync(AlertId id) =>
        factory.WithDbAsync(db => db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task A_review_with_the_version_read_moves_the_review_date_keeps_the_note_and_is_audited()
    {
        var (id, zofia) = await NewAlertAsync();
        var nadia = await factory.ProfessionalOfAsync(Accounts.HealthVisitor);
        var api = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id.Value}");
        var response = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(read.GetProperty("version").GetInt32(), Today.AddMonths(4)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal("Active", body.GetProperty("status").GetString());
        var saved = await AlertAsync(id);
        Assert.Equal(Today.AddMonths(4), saved.ReviewBy);
        Assert.Equal(2, saved.Version);
        var review = Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed);
        Assert.Equal(nadia, review.By);
        Assert.Equal("Checked with the police: bail conditions still in force", review.Note);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordId == id.Value || (a.PersonId == zofia.Value && a.Action == "alert.view")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "alert.view" && a.ActorId == nadia.Value && a.Outcome == "allowed");
        Assert.Contains(audit, a => a.Action == "alert.review" && a.ActorId == nadia.Value && a.PersonId == zofia.Value && a.Outcome == "succeeded");
    }

    [Fact]
    public async Task A_stale_review_is_409_problem_json_and_the_first_review_is_kept()
    {
        var (id, _) = await NewAlertAsync();
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var samRead = (await sam.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id.Value}")).GetProperty("version").GetInt32();
        var nadiaRead = (await nadia.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id.Value}")).GetProperty("version").GetInt32();

        var first = await sam.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(samRead, Today.AddMonths(2), "First review"));
        var stale = await nadia.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(nadiaRead, Today.AddMonths(6), "Second review"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("Someone else changed this alert", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var saved = await AlertAsync(id);
        Assert.Equal(Today.AddMonths(2), saved.ReviewBy);
        Assert.Equal(2, saved.Version);
        Assert.Equal("First review", Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed).Note);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordId == id.Value && a.Action == "alert.review" && a.Outcome == "succeeded")));
    }

    [Fact]
    public async Task A_stale_close_is_409_and_the_alert_stays_active_as_reviewed()
    {
        var (id, _) = await NewAlertAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var reviewed = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(1, Today.AddMonths(3)));
        var stale = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/close", new { version = 1, reason = "No longer applies" });

        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var saved = await AlertAsync(id);
        Assert.Equal(AlertStatus.Active, saved.Status);
        Assert.Equal(2, saved.Version);
        Assert.DoesNotContain(saved.History, h => h.Kind == AlertEventKind.Closed);
    }

    [Fact]
    public async Task Two_reviews_racing_on_the_same_version_let_exactly_one_through()
    {
        var (id, _) = await NewAlertAsync();
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var nadia = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var responses = await Task.WhenAll(
            sam.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(1, Today.AddMonths(2), "Sam's review")),
            nadia.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(1, Today.AddMonths(5), "Nadia's review")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var saved = await AlertAsync(id);
        Assert.Equal(2, saved.Version);
        var review = Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed);
        Assert.Equal(review.ReviewBy, saved.ReviewBy);
    }

    [Fact]
    public async Task Closing_with_a_reason_takes_the_alert_off_the_child_page_and_closing_again_is_409()
    {
        var (id, zofia) = await NewAlertAsync();
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var risk = (await AlertAsync(id)).Risk;

        var closed = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/close", new { version = 1, reason = "Former partner moved abroad; order discharged" });
        var again = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/close", new { version = 2, reason = "Closing twice" });
        var record = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{zofia.Value}");
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{zofia.Value}");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var saved = await AlertAsync(id);
        Assert.Equal(AlertStatus.Closed, saved.Status);
        Assert.Equal("Former partner moved abroad; order discharged", Assert.Single(saved.History, h => h.Kind == AlertEventKind.Closed).Note);
        Assert.DoesNotContain(record.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id.Value);
        Assert.DoesNotContain(risk, page, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "alert.close" && a.RecordId == id.Value && a.ActorId == sam.Value)));
    }

    [Fact]
    public async Task A_review_without_a_date_or_note_is_a_named_400_not_a_conflict_and_changes_nothing()
    {
        var (id, _) = await NewAlertAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);

        var noDate = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", new { version = 1, note = "Still stands" });
        var noNote = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", new { version = 1, nextReviewBy = Date(Today.AddMonths(1)), note = " " });
        var noReason = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/close", new { version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.True((await noDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nextReviewBy", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var saved = await AlertAsync(id);
        Assert.Equal((1, AlertStatus.Active), (saved.Version, saved.Status));
    }

    [Fact]
    public async Task Reviewing_through_the_page_records_the_review_and_returns_to_the_child()
    {
        var (id, zofia) = await NewAlertAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/alerts/{id.Value}/review";
        var version = ShownVersion(await web.GetStringAsync(path), "Review");

        var response = await web.PostAsync(path + "?handler=Review", await Clients.FormAsync(web, path, new()
        {
            ["Review.Version"] = version,
            ["Review.NextReviewBy"] = Date(Today.AddMonths(5)),
            ["Review.Note"] = "Spoke to the police; order still in force",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{zofia.Value}", response.Headers.Location?.OriginalString);
        var saved = await AlertAsync(id);
        Assert.Equal((2, Today.AddMonths(5)), (saved.Version, saved.ReviewBy));
    }

    [Fact]
    public async Task A_stale_review_on_the_page_shows_an_error_summary_and_keeps_the_other_persons_review()
    {
        var (id, _) = await NewAlertAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/alerts/{id.Value}/review";
        var version = ShownVersion(await web.GetStringAsync(path), "Review");
        var meanwhile = await (await factory.ApiAsAsync(Accounts.HealthVisitor))
            .PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(1, Today.AddMonths(1), "Health visitor's review"));
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);

        var response = await web.PostAsync(path + "?handler=Review", await Clients.FormAsync(web, path, new()
        {
            ["Review.Version"] = version,
            ["Review.NextReviewBy"] = Date(Today.AddMonths(6)),
            ["Review.Note"] = "Social worker's review, made on an old copy",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main-content\">Someone else changed this alert", html, StringComparison.Ordinal);
        Assert.Equal("1", ShownVersion(html, "Review"));
        var saved = await AlertAsync(id);
        Assert.Equal((2, Today.AddMonths(1)), (saved.Version, saved.ReviewBy));
        Assert.Equal("Health visitor's review", Assert.Single(saved.History, h => h.Kind == AlertEventKind.Reviewed).Note);
    }

    [Fact]
    public async Task Closing_through_the_page_closes_the_alert()
    {
        var (id, zofia) = await NewAlertAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/alerts/{id.Value}/review";
        var version = ShownVersion(await web.GetStringAsync(path), "Close");

        var response = await web.PostAsync(path + "?handler=Close", await Clients.FormAsync(web, path, new()
        {
            ["Close.Version"] = version,
            ["Close.Reason"] = "Family moved out of the area; alert passed to the new authority",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{zofia.Value}", response.Headers.Location?.OriginalString);
        Assert.Equal(AlertStatus.Closed, (await AlertAsync(id)).Status);
    }

    [Fact]
    public async Task Someone_not_involved_gets_404_for_the_alert_on_page_and_api_and_nothing_changes()
    {
        var (id, zofia) = await NewAlertAsync();
        var casey = await factory.ProfessionalOfAsync(Accounts.Uninvolved);
        var api = await factory.ApiAsAsync(Accounts.Uninvolved);
        var web = await factory.SignedInAsAsync(Accounts.Uninvolved);
        var path = $"/alerts/{id.Value}/review";
        var lastAudit = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var get = await api.GetAsync($"/api/v1/alerts/{id.Value}");
        var review = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/review", Review(1, Today.AddMonths(2)));
        var close = await api.PostAsJsonAsync($"/api/v1/alerts/{id.Value}/close", new { version = 1, reason = "Not mine to close" });
        var missing = await api.GetAsync($"/api/v1/alerts/{Guid.NewGuid()}");
        var page = await web.GetAsync(path);
        var pagePost = await web.PostAsync(path + "?handler=Close", await Clients.FormAsync(web, "/people", new()
        {
            ["Close.Version"] = "1",
            ["Close.Reason"] = "Not mine to close",
        }));

        Assert.All(new[] { get, review, close, missing, page, pagePost }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain("Nowak", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await AlertAsync(id);
        Assert.Equal((1, AlertStatus.Active), (saved.Version, saved.Status));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence > lastAudit && a.ActorId == casey.Value).ToListAsync());
        Assert.Contains(audit, a => a.Action == "record.open" && a.Outcome == "refused" && a.PersonId == zofia.Value);
        Assert.DoesNotContain(audit, a => a.Outcome != "refused");
    }

    /// <summary>The version in the hidden field of the review or close form, as a browser would send it back.</summary>
    private static string ShownVersion(string html, string form)
    {
        var match = HiddenVersion().Matches(html).FirstOrDefault(m => m.Groups[1].Value == form);
        Assert.NotNull(match);
        return match.Groups[2].Value;
    }

    [GeneratedRegex("name=\"(Review|Close)\\.Version\" value=\"([0-9]*)\"")]
    private static partial Regex HiddenVersion();
}
