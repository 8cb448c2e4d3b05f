using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class ChangeFrontDoorTimescalesTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task The_area_sets_its_strategy_discussion_timescale_and_only_discussions_required_after_the_change_follow_it()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var before = await StrategyDiscussionRequiredAsync();
        var lead = await Factory.ApiAsAsync(Accounts.SafeguardingLead);
        var current = await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales");
        Assert.Equal((1, 1, true), (current.GetProperty("strategyDiscussionWorkingDays").GetInt32(), current.GetProperty("triageDecisionWorkingDays").GetInt32(),
            current.GetProperty("isDefault").GetBoolean()));
        var version = current.GetProperty("version").GetInt32();
        var area = await Factory.WithDbAsync(db => db.Areas.Select(a => a.Id).SingleAsync());
        Task<int> ChangesAuditedAsync() => Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "front-door-timescales.change"));
        var audited = await ChangesAuditedAsync();
        try
        {
            foreach (var bad in new object[] { new { strategyDiscussionWorkingDays = 0, version }, new { strategyDiscussionWorkingDays = 6, version }, new { version } })
            {
                var refused = await lead.PutAsJsonAsync("/api/v1/front-door/timescales", bad);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("strategyDiscussionWorkingDays", out _));
            }

            var unversioned = await lead.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 3 });
            Assert.Equal(HttpStatusCode.BadRequest, unversioned.StatusCode);
            Assert.True((await unversioned.JsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
            foreach (var refusedRole in new[] { Accounts.SocialWorker, FrontDoorManager })
            {
                var other = await Factory.ApiAsAsync(refusedRole);
                Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/front-door/timescales")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 3, version })).StatusCode);
            }

            Assert.Equal(1, (await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("strategyDiscussionWorkingDays").GetInt32());
            Assert.False(await Factory.WithDbAsync(db => db.FrontDoorTimescales.AnyAsync(t => t.AreaId == area)));
            Assert.Equal(audited, await ChangesAuditedAsync());

            // Another area's timescale is its own: it changes nothing here.
            await Factory.WithDbAsync(db =>
            {
                db.FrontDoorTimescales.Add(new AreaFrontDoorTimescales { AreaId = AreaId.New(), StrategyDiscussionWorkingDays = 5, Version = 1 });
                return db.SaveChangesAsync();
            });
            Assert.Equal(1, (await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("strategyDiscussionWorkingDays").GetInt32());

            var saved = await lead.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 3, version });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var view = await saved.JsonAsync();
            Assert.Equal((3, version + 1), (view.GetProperty("strategyDiscussionWorkingDays").GetInt32(), view.GetProperty("version").GetInt32()));
            Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 2, version })).StatusCode);
            var leadId = await Factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
            var entry = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "front-door-timescales.change").OrderByDescending(a => a.Sequence).FirstAsync());
            Assert.Equal((leadId.Value, "strategy-discussion-working-days 1->3"), (entry.ActorId!.Value, entry.Detail));
            Assert.Equal(audited + 1, await ChangesAuditedAsync());
            // An administrator may change them too.
            var admin = await Factory.ApiAsAsync(Accounts.Administrator);
            Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("strategyDiscussionWorkingDays").GetInt32());

            var after = await StrategyDiscussionRequiredAsync();
            var discussions = await Factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == before || d.Id == after).ToDictionaryAsync(d => d.Id));
            Assert.Equal(calendar.AddWorkingDays(discussions[after].RequiredAt, 3), discussions[after].DueAt);
            Assert.Equal(calendar.AddWorkingDays(discussions[before].RequiredAt, 1), discussions[before].DueAt);
        }
        finally
        {
            // Back to the default for the other tests in this class, whatever happened above.
            var now = (await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("version").GetInt32();
            await lead.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 1, version = now });
        }
    }

    [Fact]
    public async Task The_timescales_page_shows_an_error_summary_for_a_number_out_of_range_and_is_for_safeguarding_leads_and_administrators_only()
    {
        // The cookie scheme answers a refusal with its access-denied page rather than a bare 403: the form is not shown.
        var refusedPage = await (await Factory.SignedInAsAsync(Accounts.FrontDoor)).GetAsync("/front-door/timescales");
        Assert.NotEqual(HttpStatusCode.OK, refusedPage.StatusCode);
        Assert.DoesNotContain("Working days to hold a strategy discussion in", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admin = await Factory.SignedInAsAsync(Accounts.Administrator);
        var html = await admin.GetStringAsync("/front-door/timescales");
        Assert.Contains("Working days to hold a strategy discussion in", html, StringComparison.Ordinal);
        var area = await Factory.WithDbAsync(db => db.Areas.Select(a => a.Id).SingleAsync());
        async Task<int> VersionAsync() =>
            await Factory.WithDbAsync(db => db.FrontDoorTimescales.Where(t => t.AreaId == area).Select(t => (int?)t.Version).SingleOrDefaultAsync()) ?? 0;
        var version = await VersionAsync();

        var refused = await admin.PostAsync("/front-door/timescales", await Clients.FormAsync(admin, "/front-door/timescales", new Dictionary<string, string>
        {
            ["Input.StrategyDiscussionWorkingDays"] = "9",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("#Input_StrategyDiscussionWorkingDays", page, StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync());

        // Someone who may not change them cannot post the form either.
        var frontDoor = await Factory.SignedInAsAsync(Accounts.FrontDoor);
        var posted = await frontDoor.PostAsync("/front-door/timescales", await Clients.FormAsync(frontDoor, "/front-door", new Dictionary<string, string>
        {
            ["Input.StrategyDiscussionWorkingDays"] = "4",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        // Past the antiforgery check (a token of their own), refused by the page: the cookie scheme's access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("/forbidden", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync());
    }
}
