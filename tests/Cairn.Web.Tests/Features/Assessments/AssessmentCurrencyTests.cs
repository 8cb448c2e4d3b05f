using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Assessments;

/// <summary>
/// The area's currency periods (L25): every professional reads them; an administrator changes them, 1 to 36 months a type,
/// with the version read, audited; an authorised assessment is shown against them at once. Its own database, since the
/// periods are the area's.
/// </summary>
public sealed class AssessmentCurrencyTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => Cairn.Domain.Time.LocalDate.InLondon(DateTimeOffset.UtcNow);

    private static int MonthsOf(JsonElement settings, string type) =>
        settings.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("type").GetString() == type).GetProperty("months").GetInt32();

    [Fact]
    public async Task Only_an_administrator_changes_the_periods_with_the_version_read_and_an_assessment_dates_against_them()
    {
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var admin = await factory.ApiAsAsync(Accounts.Administrator);
        var defaults = await sam.GetFromJsonAsync<JsonElement>("/api/v1/assessment-currency");
        Assert.Equal((true, 0, 12, 3), (defaults.GetProperty("isDefault").GetBoolean(), defaults.GetProperty("version").GetInt32(),
            MonthsOf(defaults, "ChildAndFamily"), MonthsOf(defaults, "ReturnHomeInterview")));
        Assert.False(defaults.GetProperty("mayChange").GetBoolean());

        // An assessment authorised today: current for 12 months by default.
        var child = await sam.CreateChildAsync();
        var started = await sam.PostAsJsonAsync($"/api/v1/people/{child}/assessments", new { type = "Risk", startedOn = Today });
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"/api/v1/assessments/{id}", new
        {
            voiceOfChild = "Wants to keep seeing her grandmother every weekend.",
            health = "Well; the GP has no concerns.",
            gpInvolved = true,
            findings = "Low risk.",
            analysis = "Protective grandparents.",
            recommendations = "Review in six months.",
            version = 1,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 2 })).StatusCode);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 })).StatusCode);

        var bySam = await sam.PutAsJsonAsync("/api/v1/assessment-currency", new { months = new { Risk = 1 }, version = 0 });
        var tooLong = await admin.PutAsJsonAsync("/api/v1/assessment-currency", new { months = new { Risk = 37, ChildAndFamily = 0 }, version = 0 });
        var changed = await admin.PutAsJsonAsync("/api/v1/assessment-currency", new { months = new { Risk = 1 }, version = 0 });
        var stale = await admin.PutAsJsonAsync("/api/v1/assessment-currency", new { months = new { Risk = 2 }, version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, bySam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = (await tooLong.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("months[Risk]", out _));
        Assert.True(errors.TryGetProperty("months[ChildAndFamily]", out _));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var now = await changed.JsonAsync();
        Assert.Equal((false, 1, 1, 12), (now.GetProperty("isDefault").GetBoolean(), now.GetProperty("version").GetInt32(), MonthsOf(now, "Risk"),
            MonthsOf(now, "ChildAndFamily")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Risk 6->1", await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "assessment-currency.change")
            .Select(e => e.Detail).SingleAsync()));

        var assessment = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var currency = assessment.GetProperty("currency");
        Assert.Equal(("Current", 1, Today.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (currency.GetProperty("state").GetString(), currency.GetProperty("months").GetInt32(), currency.GetProperty("currentUntil").GetString()));
    }

    [Fact]
    public async Task The_administration_page_is_for_administrators_and_refuses_a_period_out_of_range_with_an_error_summary()
    {
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);

        var refusedPage = await worker.GetAsync("/admin/assessment-currency");
        var page = await admin.GetStringAsync("/admin/assessment-currency");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var form = await Clients.FormAsync(admin, "/admin/assessment-currency", new()
        {
            ["Input.Periods[0].Type"] = "ChildAndFamily",
            ["Input.Periods[0].Months"] = "40",
            ["Input.Version"] = version,
        });
        var refused = await admin.PostAsync("/admin/assessment-currency", form);

        Assert.NotEqual(HttpStatusCode.OK, refusedPage.StatusCode);
        Assert.Contains("Child and family assessment: months", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Periods[0]_Months\"", html, StringComparison.Ordinal);
    }
}
