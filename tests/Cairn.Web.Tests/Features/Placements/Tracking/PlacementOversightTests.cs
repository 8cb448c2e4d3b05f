using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Placements.Tracking;

/// <summary>
/// The placement tracking panel (issue #15 part 9, L39), through the real app: a child waiting for a placement and a child in an
/// interim placement appear, longest wait first, with the panel's decision, owner and review date, an overdue review flagged; only a
/// children's social care manager records a decision; nobody sees a child on the panel whose record they may not open. The area's
/// stability (part 8, L41, L44) is numbers only, in SVG charts with tables beside them, for managers and area-wide roles.
/// </summary>
public sealed class PlacementOversightTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    private static JsonElement? Row(JsonElement panel, Guid child) =>
        panel.GetProperty("children").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(c => c!.Value.GetProperty("childId").GetGuid() == child);

    /// <summary>A child placed today, then said to be in an interim placement.</summary>
    private async Task<Guid> InInterimAsync()
    {
        var setting = await factory.SettingAsync(PlacementTestData.Unique("Stop Gap House"), "YO3 5ZN", vacancies: 1);
        var (child, referral, version) = await factory.ReferredAsync();
        var social = await factory.ApiAsAsync(Accounts.SocialWorker);
        var placed = await social.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            new { settingId = setting, startedOn = Today, familyInformed = "InPerson", familyConsulted = true, version });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placement = (await placed.JsonAsync()).GetProperty("placementId").GetGuid();
        var current = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == new PlacementId(placement)).Select(p => p.Version).SingleAsync());

        var noReason = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/suitability", new { suitability = "Interim", version = current });
        var byPolice = await (await factory.ApiAsAsync(Accounts.Police)).PostAsJsonAsync($"/api/v1/placements/{placement}/suitability",
            new { suitability = "Interim", reason = "Only an emergency bed was free that night", version = current });
        var marked = await social.PostAsJsonAsync($"/api/v1/placements/{placement}/suitability",
            new { suitability = "Interim", reason = "Only an emergency bed was free that night", version = current });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byPolice.StatusCode);
        Assert.True(marked.StatusCode == HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        return child;
    }

    [Fact]
    public async Task Children_waiting_or_in_an_interim_placement_show_longest_wait_first_with_the_panels_decision_and_an_overdue_review()
    {
        var (waiting, referral, _) = await factory.ReferredAsync();
        var interim = await InInterimAsync();
        // The referral was submitted ten days ago: the longer wait comes first.
        var tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10);
        await factory.WithDbAsync(db => db.PlacementReferrals.Where(r => r.Id == new PlacementReferralId(referral))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, tenDaysAgo)));
        var owner = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var decision = new { decision = "Search for foster carers within ten miles of her school", ownerId = owner.Value, reviewOn = Today.AddDays(14) };

        var bySocialWorker = await (await factory.ApiAsAsync(Accounts.SocialWorker)).PostAsJsonAsync(
            $"/api/v1/people/{waiting}/placement-panel-decisions", decision);
        var byStranger = await (await factory.ApiAsAsync(Accounts.Uninvolved)).PostAsJsonAsync(
            $"/api/v1/people/{waiting}/placement-panel-decisions", decision);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var pastReview = await manager.PostAsJsonAsync($"/api/v1/people/{waiting}/placement-panel-decisions",
            new { decision.decision, decision.ownerId, reviewOn = Today.AddDays(-1) });
        var recorded = await manager.PostAsJsonAsync($"/api/v1/people/{waiting}/placement-panel-decisions", decision);

        Assert.Equal(HttpStatusCode.Forbidden, bySocialWorker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pastReview.StatusCode);
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var id = (await recorded.JsonAsync()).GetProperty("id").GetGuid();

        var panel = await (await manager.GetAsync("/api/v1/placements/tracking")).JsonAsync();
        var first = Row(panel, waiting)!.Value;
        var second = Row(panel, interim)!.Value;
        var order = panel.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("childId").GetGuid()).ToList();
        Assert.True(order.IndexOf(waiting) < order.IndexOf(interim));
        Assert.Equal(("Waiting", 10), (first.GetProperty("because").GetString(), first.GetProperty("daysWaiting").GetInt32()));
        Assert.Equal("Search for foster carers within ten miles of her school", first.GetProperty("decision").GetProperty("decision").GetString());
        Assert.False(first.GetProperty("decision").GetProperty("reviewOverdue").GetBoolean());
        Assert.Equal(("Interim", "Only an emergency bed was free that night"),
            (second.GetProperty("because").GetString(), second.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("decision").ValueKind);

        // A decision changed with a stale version is refused; the review date passing is flagged.
        var stale = await manager.PostAsJsonAsync($"/api/v1/placement-panel-decisions/{id}",
            new { decision.decision, decision.ownerId, decision.reviewOn, version = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var yesterday = Today.AddDays(-1);
        await factory.WithDbAsync(db => db.PanelDecisions.Where(x => x.Id == new PanelDecisionId(id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewOn, yesterday)));
        var again = Row(await (await manager.GetAsync("/api/v1/placements/tracking")).JsonAsync(), waiting)!.Value;
        Assert.True(again.GetProperty("decision").GetProperty("reviewOverdue").GetBoolean());
        var page = await (await factory.SignedInAsAsync(Accounts.TeamManager)).GetStringAsync("/placements/tracking");
        Assert.Contains("Review overdue", page, StringComparison.Ordinal);
        Assert.Contains($"/people/{interim}/placements", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_sees_a_child_on_the_panel_whose_record_they_may_not_open()
    {
        var (waiting, _, _) = await factory.ReferredAsync();

        var mine = await (await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync("/api/v1/placements/tracking")).JsonAsync();
        var stranger = await (await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync("/api/v1/placements/tracking")).JsonAsync();
        var police = await (await (await factory.ApiAsAsync(Accounts.Police)).GetAsync("/api/v1/placements/tracking")).JsonAsync();
        var page = await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetStringAsync("/placements/tracking");

        Assert.NotNull(Row(mine, waiting));
        Assert.Null(Row(stranger, waiting));
        Assert.Null(Row(police, waiting));
        Assert.DoesNotContain(waiting.ToString(), page, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.tracking" && a.PersonId == null)));
    }

    private async Task<JsonElement> StabilityAsync()
    {
        var response = await (await factory.ApiAsAsync(Accounts.TeamManager)).GetAsync("/api/v1/placements/stability");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static int Count(JsonElement view, string chart, string label) =>
        view.GetProperty(chart).EnumerateArray().Single(b => b.GetProperty("label").GetString() == label).GetProperty("count").GetInt32();

    [Fact]
    public async Task The_areas_stability_counts_a_new_placement_shows_charts_with_tables_and_names_no_child()
    {
        // This class's tests run one at a time on their own database: what changes between two reads is this test's placement.
        var before = await StabilityAsync();
        var child = await InInterimAsync();
        var after = await StabilityAsync();

        Assert.Equal(before.GetProperty("children").GetInt32() + 1, after.GetProperty("children").GetInt32());
        Assert.Equal(Count(before, "moves", "No moves") + 1, Count(after, "moves", "No moves"));
        Assert.Equal(Count(before, "length", "Under 3 months") + 1, Count(after, "length", "Under 3 months"));
        Assert.Equal(after.GetProperty("children").GetInt32(),
            Count(after, "location", "In the area") + Count(after, "location", "Out of the area"));

        var refused = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync("/api/v1/placements/stability");
        var police = await (await factory.ApiAsAsync(Accounts.Police)).GetAsync("/api/v1/placements/stability");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, police.StatusCode);

        var page = await (await factory.SignedInAsAsync(Accounts.SafeguardingLead)).GetStringAsync("/placements/stability");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("id=\"moves-table\"", page, StringComparison.Ordinal);
        var name = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.GivenName).SingleAsync());
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(child.ToString(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_area_has_looked_after_children_in_register_settings_and_a_submitted_referral_a_newcomer_can_match()
    {
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        // The demo was seeded before any test ran: its referral is the first Sam submitted.
        var demo = await factory.WithDbAsync(db => db.PlacementReferrals.Where(r => r.ReferredBy == sam && r.SubmittedAt != null)
            .OrderBy(r => r.StartedAt).Select(r => new { r.Id, r.ChildId }).FirstAsync());
        var placed = await factory.WithDbAsync(db => db.Placements
            .Where(p => p.EndedOn == null && (p.Where.SettingName == "Heworth Lodge" || p.Where.SettingName == "Coastal View"))
            .Select(p => new { p.ChildId, p.Suitability, p.Where.InArea }).ToListAsync());
        Assert.Equal((2, 1), (placed.Count(p => p.InArea), placed.Count(p => !p.InArea)));

        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var matches = await lead.GetAsync($"/api/v1/placement-referrals/{demo.Id.Value}/matches");
        Assert.True(matches.StatusCode == HttpStatusCode.OK, await matches.Content.ReadAsStringAsync());
        Assert.NotEmpty((await matches.JsonAsync()).GetProperty("options").EnumerateArray());
        var panel = await (await lead.GetAsync("/api/v1/placements/tracking")).JsonAsync();
        Assert.NotNull(Row(panel, demo.ChildId.Value));
        Assert.NotNull(Row(panel, placed.First(p => p.Suitability == Cairn.Domain.Placements.PlacementSuitability.Interim).ChildId.Value));
    }
}
