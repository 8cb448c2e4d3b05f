using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Alerts.AlertReviews;

/// <summary>
/// The alerts-to-review list: each professional sees the active alerts they own, overdue ones flagged, and
/// never anyone else's.
/// </summary>
public sealed class AlertReviewsTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static string Risk(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task The_owner_sees_their_overdue_alert_flagged_and_not_an_overdue_alert_someone_else_owns()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var tomasz = await factory.PersonIdAsync("Tomasz", "Nowak");
        var samsRisk = Risk("Overdue alert Sam owns");
        var nadiasRisk = Risk("Overdue alert Nadia owns");
        var samsAlert = await factory.OverdueAlertAsync(zofia, Accounts.SocialWorker, samsRisk);
        var nadiasAlert = await factory.OverdueAlertAsync(tomasz, Accounts.HealthVisitor, nadiasRisk);

        var sams = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetFromJsonAsync<JsonElement>("/api/v1/alerts/reviews");
        var nadias = await (await factory.ApiAsAsync(Accounts.HealthVisitor)).GetFromJsonAsync<JsonElement>("/api/v1/alerts/reviews");

        var samsItems = sams.GetProperty("alerts").EnumerateArray().ToList();
        var mine = Assert.Single(samsItems, a => a.GetProperty("id").GetGuid() == samsAlert.Value);
        Assert.True(mine.GetProperty("overdue").GetBoolean());
        Assert.Equal("Zofia Nowak", mine.GetProperty("childName").GetString());
        Assert.DoesNotContain(samsItems, a => a.GetProperty("id").GetGuid() == nadiasAlert.Value);
        Assert.True(sams.GetProperty("overdueCount").GetInt32() >= 1);

        var nadiasItems = nadias.GetProperty("alerts").EnumerateArray().ToList();
        Assert.True(Assert.Single(nadiasItems, a => a.GetProperty("id").GetGuid() == nadiasAlert.Value).GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(nadiasItems, a => a.GetProperty("id").GetGuid() == samsAlert.Value);
    }

    [Fact]
    public async Task Only_active_alerts_are_listed_soonest_review_first_with_just_the_overdue_ones_flagged()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var overdue = await factory.OverdueAlertAsync(zofia, Accounts.SocialWorker, Risk("Long overdue"), daysOverdue: 20);
        var current = await factory.AlertAsync(zofia, Accounts.SocialWorker, Risk("Not yet due"));
        var closed = await factory.OverdueAlertAsync(zofia, Accounts.SocialWorker, Risk("Overdue but closed"));
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/alerts/{closed.Value}/close", new { version = 1, reason = "Resolved" })).StatusCode);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/alerts/reviews");

        var items = list.GetProperty("alerts").EnumerateArray().ToList();
        var ids = items.Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(overdue.Value, ids);
        Assert.Contains(current.Value, ids);
        Assert.DoesNotContain(closed.Value, ids);
        Assert.True(ids.IndexOf(overdue.Value) < ids.IndexOf(current.Value));
        Assert.False(items.Single(a => a.GetProperty("id").GetGuid() == current.Value).GetProperty("overdue").GetBoolean());
        var dates = items.Select(a => a.GetProperty("reviewBy").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(items.Count(a => a.GetProperty("overdue").GetBoolean()), list.GetProperty("overdueCount").GetInt32());
    }

    [Fact]
    public async Task The_page_lists_the_owners_overdue_alert_with_a_review_link_and_leaves_out_other_peoples()
    {
        var tomasz = await factory.PersonIdAsync("Tomasz", "Nowak");
        var samsRisk = Risk("Overdue alert Sam owns, on the page");
        var nadiasRisk = Risk("Overdue alert Nadia owns, on the page");
        var samsAlert = await factory.OverdueAlertAsync(tomasz, Accounts.SocialWorker, samsRisk);
        await factory.OverdueAlertAsync(tomasz, Accounts.HealthVisitor, nadiasRisk);

        var html = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync("/alerts/reviews");

        var row = Row(html, samsRisk);
        Assert.Contains(">Overdue</strong>", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/alerts/{samsAlert.Value}/review\"", row, StringComparison.Ordinal);
        Assert.Contains("Tomasz Nowak", row, StringComparison.Ordinal);
        Assert.DoesNotContain(nadiasRisk, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_owns_no_alerts_sees_none_even_when_others_are_overdue_and_the_look_is_audited()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        await factory.OverdueAlertAsync(zofia, Accounts.SocialWorker, Risk("Overdue alert Casey does not own"));
        var casey = await factory.ProfessionalOfAsync(Accounts.Uninvolved);
        var looks = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "alerts.reviews.view" && a.ActorId == casey.Value));

        var list = await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetFromJsonAsync<JsonElement>("/api/v1/alerts/reviews");
        var html = await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetStringAsync("/alerts/reviews");

        Assert.Empty(list.GetProperty("alerts").EnumerateArray());
        Assert.Contains("You have no active alerts to review", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nowak", html, StringComparison.Ordinal);
        Assert.Equal(looks + 2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "alerts.reviews.view" && a.ActorId == casey.Value)));
    }

    [Fact]
    public async Task An_overdue_alert_is_marked_review_overdue_on_the_child_page()
    {
        var zofia = await factory.PersonIdAsync("Zofia", "Nowak");
        var risk = Risk("Overdue on the child page");
        await factory.OverdueAlertAsync(zofia, Accounts.SocialWorker, risk);

        var html = await (await factory.SignedInAsAsync(Accounts.HealthVisitor)).GetStringAsync($"/people/{zofia.Value}");

        var item = html[html.IndexOf(risk, StringComparison.Ordinal)..];
        Assert.Contains("Review overdue", item[..item.IndexOf("</p>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    /// <summary>The table row holding some text, so assertions cannot match another row.</summary>
    private static string Row(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
