using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Children.ChangeLegalStatus;

public sealed class ChangeLegalStatusTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Status(string kind, DateOnly from, Guid? current, string? category = null, string reason = "Strategy discussion decision") =>
        new { kind, category, from, reason, currentStatusId = current };

    [Fact]
    public async Task A_new_status_closes_the_current_one_and_history_is_kept()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var first = await (await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("ChildInNeed", Today.AddDays(-30), null))).JsonAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status",
            Status("ChildProtectionPlan", Today, first.GetProperty("id").GetGuid(), "Neglect", "Initial child protection conference"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/legal-status");
        Assert.Equal("ChildProtectionPlan", history.GetProperty("current").GetProperty("kind").GetString());
        Assert.Equal("Neglect", history.GetProperty("current").GetProperty("category").GetString());
        var earlier = history.GetProperty("history")[1];
        Assert.Equal("ChildInNeed", earlier.GetProperty("kind").GetString());
        Assert.Equal(Today.AddDays(-1), DateOnly.Parse(earlier.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "legal-status.change" && a.PersonId == child && a.Outcome == "succeeded")));
    }

    [Fact]
    public async Task A_child_protection_plan_without_a_category_is_refused_and_nothing_is_saved()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("ChildProtectionPlan", Today, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.LegalStatuses.CountAsync(s => s.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_current_status_is_a_conflict()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("EarlyHelp", Today.AddDays(-10), null))).StatusCode);

        // The second person still believes there is no status.
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("ChildInNeed", Today, null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var statuses = await factory.WithDbAsync(db => db.LegalStatuses.Where(s => s.ChildId == new PersonId(child)).ToListAsync());
        Assert.Equal(LegalStatusKind.EarlyHelp, Assert.Single(statuses).Kind);
    }

    [Fact]
    public async Task The_database_refuses_a_second_current_status_for_a_child()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = new PersonId(await api.CreateChildAsync());
        var by = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.SocialWorker));

        await factory.WithDbAsync(async db =>
        {
            db.LegalStatuses.Add(LegalStatus.Change(null, child, LegalStatusKind.EarlyHelp, null, Today, "First", by, DateTimeOffset.UtcNow).Value!);
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(async db =>
        {
            db.LegalStatuses.Add(LegalStatus.Change(null, child, LegalStatusKind.ChildInNeed, null, Today, "Second at the same moment", by, DateTimeOffset.UtcNow).Value!);
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Other_agencies_see_the_status_but_cannot_record_one()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await api.PostAsJsonAsync($"/api/v1/people/{child}/team", new
        {
            professionalId = await factory.ProfessionalIdAsync(Accounts.HealthVisitor),
            role = "HealthVisitor",
            startedOn = Today,
        });
        var visitor = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var history = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child}/legal-status");
        var response = await visitor.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("ChildInNeed", Today, null));

        Assert.False(history.GetProperty("mayRecord").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("children's social care", (await response.JsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.LegalStatuses.CountAsync(s => s.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task Someone_not_involved_gets_404()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child}/legal-status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/people/{child}/legal-status", Status("ChildInNeed", Today, null))).StatusCode);
    }

    [Fact]
    public async Task The_page_records_a_status_and_shows_errors_in_a_summary()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/legal-status";

        var bad = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new() { ["Input.Kind"] = "ChildInNeed", ["Input.From"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Contains("govuk-error-summary", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = await browser.PostAsync(path, await Clients.FormAsync(browser, path, new()
        {
            ["Input.Kind"] = "ChildInNeed",
            ["Input.From"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Assessment concluded",
        }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(LegalStatusKind.ChildInNeed, await factory.WithDbAsync(db => db.LegalStatuses.Where(s => s.ChildId == new PersonId(child)).Select(s => s.Kind).SingleAsync()));
    }
}
