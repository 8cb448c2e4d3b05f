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
/// children's social care manager records a decision; nobody sees a child on the panel whose record they may not open, and other
/// agencies may not use it (nor see its link). The area's stability (part 8, L41, L44) is numbers only, small numbers withheld, in SVG
/// charts with tables beside them, for children's social care managers and area-wide roles. The placement page marks a placement
/// interim or unsuitable through the API's handler.
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
    public async Task Nobody_sees_a_child_on_the_panel_whose_record_they_may_not_open_and_other_agencies_may_not_use_it()
    {
        var (waiting, _, _) = await factory.ReferredAsync();
        var team = await factory.TeamAsync(PlacementTestData.Unique("Another Team"));
        var (_, colleague) = await factory.ProfessionalWithAccountAsync("Another social worker", team: team);

        var mine = await (await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync("/api/v1/placements/tracking")).JsonAsync();
        var otherTeam = await (await factory.ApiAsAsync(colleague)).GetAsync("/api/v1/placements/tracking");
        var police = await (await factory.ApiAsAsync(Accounts.Police)).GetAsync("/api/v1/placements/tracking");
        var youthJustice = await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync("/api/v1/placements/tracking");
        var page = await (await factory.SignedInAsAsync(colleague)).GetStringAsync("/placements/tracking");
        var policePage = await (await factory.SignedInAsAsync(Accounts.Police)).GetAsync("/placements/tracking");

        Assert.NotNull(Row(mine, waiting));
        Assert.Equal(HttpStatusCode.OK, otherTeam.StatusCode);
        Assert.Null(Row(await otherTeam.JsonAsync(), waiting));
        Assert.DoesNotContain(waiting.ToString(), page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (police.StatusCode, youthJustice.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, policePage.StatusCode);
        Assert.DoesNotContain(waiting.ToString(), await policePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.tracking" && a.PersonId == null)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.tracking" && a.Outcome == "refused")));
    }

    [Theory]
    [InlineData(Accounts.Police, false, false)]
    [InlineData(Accounts.HealthVisitor, false, false)]
    [InlineData(Accounts.SocialWorker, true, false)]
    [InlineData(Accounts.TeamManager, true, true)]
    [InlineData(Accounts.SafeguardingLead, true, true)]
    public async Task The_navigation_and_the_register_offer_tracking_and_stability_only_to_those_who_may_use_them(string account, bool tracking,
        bool stability)
    {
        var browser = await factory.SignedInAsAsync(account);
        var home = await browser.GetStringAsync("/");
        // The register is for some only; where it opens, its links follow the same rule.
        var registerAnswer = await browser.GetAsync("/placements/register");
        var register = registerAnswer.IsSuccessStatusCode ? await registerAnswer.Content.ReadAsStringAsync() : home;
        var trackingAnswer = await browser.GetAsync("/placements/tracking");
        var stabilityAnswer = await (await factory.ApiAsAsync(account)).GetAsync("/api/v1/placements/stability");

        foreach (var html in new[] { home, register })
        {
            Assert.Equal(tracking, html.Contains("href=\"/placements/tracking\"", StringComparison.Ordinal));
            Assert.Equal(stability, html.Contains("href=\"/placements/stability\"", StringComparison.Ordinal));
        }

        // The links follow what the pages allow.
        Assert.Equal(tracking ? HttpStatusCode.OK : HttpStatusCode.Forbidden, trackingAnswer.StatusCode);
        Assert.Equal(stability ? HttpStatusCode.OK : HttpStatusCode.Forbidden, stabilityAnswer.StatusCode);
    }

    private async Task<JsonElement> StabilityAsync()
    {
        var response = await (await factory.ApiAsAsync(Accounts.TeamManager)).GetAsync("/api/v1/placements/stability");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>How many children of the demo area are in a current placement out of the area, counted from the database.</summary>
    private async Task<int> OutOfAreaAsync()
    {
        var manager = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        return await factory.WithDbAsync(async db =>
        {
            var area = await db.Professionals.Where(p => p.Id == manager).Join(db.Agencies, p => p.AgencyId, a => a.Id, (_, a) => a.AreaId)
                .SingleAsync();
            return await db.Placements.Where(p => p.EndedOn == null && p.StartedOn <= Today && !p.Where.InArea)
                .Join(db.People.Where(c => c.AreaId == area), p => p.ChildId, c => c.Id, (p, _) => p.ChildId).Distinct().CountAsync();
        });
    }

    private static JsonElement Bar(JsonElement view, string chart, string label) =>
        view.GetProperty(chart).EnumerateArray().Single(b => b.GetProperty("label").GetString() == label);

    private static readonly string[] Charts = ["location", "moves", "length"];

    private static IEnumerable<JsonElement> Bars(JsonElement view) => Charts.SelectMany(c => view.GetProperty(c).EnumerateArray());

    [Fact]
    public async Task The_areas_stability_counts_a_new_placement_withholds_small_numbers_shows_charts_with_tables_and_names_no_child()
    {
        // Its own small number: at least one child of the area placed out of it (one is placed here when none is), and at most four.
        if (await OutOfAreaAsync() == 0)
        {
            var far = await factory.SettingAsync(PlacementTestData.Unique("Far Moor House"), "YO7 4AF", vacancies: 1);
            var (_, farReferral, farVersion) = await factory.ReferredAsync();
            var placedFar = await (await factory.ApiAsAsync(Accounts.SocialWorker)).PostAsJsonAsync(
                $"/api/v1/placement-referrals/{farReferral}/placements",
                new { settingId = far, startedOn = Today, familyInformed = "InPerson", familyConsulted = true, version = farVersion });
            Assert.True(placedFar.StatusCode == HttpStatusCode.Created, await placedFar.Content.ReadAsStringAsync());
        }

        // Enough children placed that the total is published; this class's tests run one at a time on their own database, so what
        // changes between two reads is this test's placement.
        var before = await StabilityAsync();
        while (before.GetProperty("children").ValueKind == JsonValueKind.Null)
        {
            await InInterimAsync();
            before = await StabilityAsync();
        }

        var child = await InInterimAsync();
        var outOfArea = await OutOfAreaAsync();
        Assert.InRange(outOfArea, 1, 4);
        var after = await StabilityAsync();
        Assert.Equal(before.GetProperty("children").GetInt32() + 1, after.GetProperty("children").GetInt32());
        var newest = Bar(after, "length", "Under 3 months");
        var earlier = Bar(before, "length", "Under 3 months");
        if (!newest.GetProperty("suppressed").GetBoolean() && !earlier.GetProperty("suppressed").GetBoolean())
        {
            Assert.Equal(earlier.GetProperty("count").GetInt32() + 1, newest.GetProperty("count").GetInt32());
        }

        // No published count is from 1 to 4: a withheld bar has no count and no share; no chart has exactly one withheld bar.
        foreach (var bar in Bars(after))
        {
            if (bar.GetProperty("suppressed").GetBoolean())
            {
                Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (bar.GetProperty("count").ValueKind, bar.GetProperty("share").ValueKind));
            }
            else
            {
                Assert.False(bar.GetProperty("count").GetInt32() is > 0 and < 5, bar.ToString());
            }
        }

        foreach (var chart in Charts)
        {
            Assert.NotEqual(1, after.GetProperty(chart).EnumerateArray().Count(b => b.GetProperty("suppressed").GetBoolean()));
        }

        var refused = await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync("/api/v1/placements/stability");
        var police = await (await factory.ApiAsAsync(Accounts.Police)).GetAsync("/api/v1/placements/stability");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, police.StatusCode);

        var page = await (await factory.SignedInAsAsync(Accounts.SafeguardingLead)).GetStringAsync("/placements/stability");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("id=\"moves-table\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"suppression\"", page, StringComparison.Ordinal);
        // The children out of the area (one to four) are a small number: that chart withholds it (and its partner, which the total would
        // give away), and a withheld bar draws nothing whose size could give the number away; its table cells show the marker.
        Assert.All(after.GetProperty("location").EnumerateArray(), b => Assert.True(b.GetProperty("suppressed").GetBoolean()));
        var withheld = System.Text.RegularExpressions.Regex.Matches(page, "<g data-suppressed=\"true\">(.*?)</g>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(withheld);
        Assert.All(withheld, g => Assert.DoesNotContain("<rect", g.Groups[1].Value, StringComparison.Ordinal));
        Assert.Contains("data-suppressed=\"true\">c", page, StringComparison.Ordinal);
        var name = await factory.WithDbAsync(db => db.People.Where(p => p.Id == new PersonId(child)).Select(p => p.GivenName).SingleAsync());
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(child.ToString(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_placement_page_marks_a_placement_unsuitable_with_a_reason_refusing_a_stale_version_and_a_stranger()
    {
        var setting = await factory.SettingAsync(PlacementTestData.Unique("Bridge House"), "YO3 5ZN", vacancies: 1);
        var (child, referral, version) = await factory.ReferredAsync();
        var placed = await (await factory.ApiAsAsync(Accounts.SocialWorker)).PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/placements",
            new { settingId = setting, startedOn = Today, familyInformed = "InPerson", familyConsulted = true, version });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placement = (await placed.JsonAsync()).GetProperty("placementId").GetGuid();
        var current = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == new PlacementId(placement)).Select(p => p.Version).SingleAsync());
        var path = $"/people/{child}/placements";
        var post = $"{path}?handler=Suitability&placementId={placement}";
        const string Because = "It cannot give her the 2:1 staffing she needs";
        Dictionary<string, string> Form(string reason, int v) => new()
        {
            ["Input.Suitability"] = "Unsuitable",
            ["Input.SuitabilityReason"] = reason,
            ["Input.Version"] = $"{v}",
        };

        var social = await factory.SignedInAsAsync(Accounts.SocialWorker);
        Assert.Contains("handler=Suitability", await social.GetStringAsync(path), StringComparison.Ordinal);
        var noReason = await social.PostAsync(post, await Clients.FormAsync(social, path, Form("", current)));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("govuk-error-summary", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await social.PostAsync(post, await Clients.FormAsync(social, path, Form(Because, current + 3)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var marked = await social.PostAsync(post, await Clients.FormAsync(social, path, Form(Because, current)));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains(Because, await social.GetStringAsync(path), StringComparison.Ordinal);

        // Someone who may not open the child's record gets 404 and changes nothing; the change is audited.
        var stranger = await factory.SignedInAsAsync(Accounts.Uninvolved);
        var byStranger = await stranger.PostAsync(post, await Clients.FormAsync(stranger, "/", Form("Somebody else says it is unsuitable", current + 1)));
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        var kept = await factory.WithDbAsync(db => db.Placements.Where(p => p.Id == new PlacementId(placement))
            .Select(p => new { p.Suitability, p.SuitabilityReason }).SingleAsync());
        Assert.Equal((Cairn.Domain.Placements.PlacementSuitability.Unsuitable, Because), (kept.Suitability, kept.SuitabilityReason));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.suitability"
            && a.PersonId == child && a.Outcome == "succeeded")));
        var panel = await (await (await factory.ApiAsAsync(Accounts.TeamManager)).GetAsync("/api/v1/placements/tracking")).JsonAsync();
        Assert.Equal("Unsuitable", Row(panel, child)!.Value.GetProperty("because").GetString());
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
