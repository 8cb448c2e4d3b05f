using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Placements.Referrals;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Placements.Referrals;

/// <summary>
/// Placement referrals (issue #15 part 3; L25, L33, L34, L40): a referral says what the child needs and what the risks are, rests on
/// current assessments (an out-of-date one needs a manager's override with a reason), is scored for quality, and is listed in the
/// referral audit — for those who may open the child's record, and written only by children's social care.
/// </summary>
public sealed class PlacementReferralTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => DateTimeOffset.UtcNow.InLondon();

    private static readonly string Described = new('x', ReferralQuality.DescribedLength);

    private static object Details(bool risksAnswered = true, DateOnly? neededBy = null, string? homePostcode = "YO1 7HH") => new
    {
        neededBy = neededBy ?? Today.AddDays(14),
        needs = new[] { "EmotionalAndBehavioural", "Exploitation" },
        needsSummary = "Needs a calm home with adults who stay; " + Described,
        staffing = "OneToOne",
        wakingNightStaff = true,
        restrictions = Array.Empty<string>(),
        acceptableTypes = new[] { "ChildrensHome" },
        risksAnswered,
        risksToOthers = risksAnswered ? new[] { "Violence" } : [],
        vulnerabilities = risksAnswered ? new[] { "SexualExploitation" } : [],
        riskSummary = risksAnswered ? "Targeted by older men in the city centre; " + Described : null,
        homePostcode,
        childsViews = "Wants to stay at the same school.",
        familysViews = "Grandmother consulted by phone; wants weekly contact.",
    };

    private async Task<(HttpClient Api, Guid Child)> ChildAsync()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        return (api, await api.CreateChildAsync());
    }

    private static async Task<JsonElement> StartAsync(HttpClient api, Guid child, object? details = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", details ?? Details());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static Guid IdOf(JsonElement referral) => referral.GetProperty("id").GetGuid();

    private static int VersionOf(JsonElement referral) => referral.GetProperty("version").GetInt32();

    private Task<bool> AuditedAsync(string action, Guid record, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.RecordId == record && a.Outcome == outcome));

    private static async Task<HttpResponseMessage> CiteAsync(HttpClient api, Guid referral, AssessmentId assessment, int version) =>
        await api.PostAsJsonAsync($"/api/v1/placement-referrals/{referral}/assessments", new { assessmentId = assessment.Value, version });

    [Fact]
    public async Task A_referral_resting_on_current_assessments_is_submitted_with_its_quality_kept_and_every_step_audited()
    {
        var (api, child) = await ChildAsync();
        var started = await StartAsync(api, child);
        var id = IdOf(started);
        Assert.Equal("Draft", started.GetProperty("status").GetString());
        var before = started.GetProperty("quality").GetProperty("score").GetInt32();

        var cited = await CiteAsync(api, id, await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.ChildAndFamily, DateTimeOffset.UtcNow.AddMonths(-2)), VersionOf(started));
        Assert.Equal(HttpStatusCode.OK, cited.StatusCode);
        cited = await CiteAsync(api, id, await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.Risk, DateTimeOffset.UtcNow.AddMonths(-1)), VersionOf(await cited.JsonAsync()));
        var current = await cited.JsonAsync();
        var submitted = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(current) });

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal(100, body.GetProperty("quality").GetProperty("score").GetInt32());
        Assert.Equal(100, body.GetProperty("qualityAtSubmission").GetInt32());
        Assert.True(before < 100, "citing current assessments raises the score");
        Assert.True(await AuditedAsync("placement.referral.start", id));
        Assert.True(await AuditedAsync("placement.referral.cite", id));
        Assert.True(await AuditedAsync("placement.referral.submit", id));
    }

    [Fact]
    public async Task An_unanswered_risk_section_is_refused_at_submission_and_nothing_changes()
    {
        var (api, child) = await ChildAsync();
        var started = await StartAsync(api, child, Details(risksAnswered: false));
        var id = IdOf(started);

        var response = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(started) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("risk section", (await response.JsonAsync()).GetProperty("errors").GetProperty("risksAnswered")[0].GetString(),
            StringComparison.Ordinal);
        var now = await (await api.GetAsync($"/api/v1/placement-referrals/{id}")).JsonAsync();
        Assert.Equal("Draft", now.GetProperty("status").GetString());
        Assert.Equal(VersionOf(started), VersionOf(now));
        Assert.True(await AuditedAsync("placement.referral.submit", id, "refused"));
    }

    [Fact]
    public async Task An_out_of_date_assessment_blocks_submission_until_a_manager_overrides_with_a_reason()
    {
        var (api, child) = await ChildAsync();
        var id = IdOf(await StartAsync(api, child));
        var stale = await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.Risk, DateTimeOffset.UtcNow.AddMonths(-9)); // risk assessments stay current for 6 months by default
        var referral = await (await CiteAsync(api, id, stale, 0)).JsonAsync();
        Assert.True(referral.GetProperty("needsOverride").GetBoolean());

        var refused = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(referral) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("out of date", (await refused.JsonAsync()).GetProperty("errors").GetProperty("assessmentIds")[0].GetString(),
            StringComparison.Ordinal);

        // The social worker may not override; the manager must give a reason of some substance.
        var bySocialWorker = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/currency-override",
            new { reason = "The child cannot wait for a new assessment this week.", version = VersionOf(referral) });
        Assert.Equal(HttpStatusCode.Forbidden, bySocialWorker.StatusCode);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var terse = await manager.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/currency-override",
            new { reason = "ok", version = VersionOf(referral) });
        Assert.Equal(HttpStatusCode.BadRequest, terse.StatusCode);
        var overridden = await manager.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/currency-override",
            new { reason = "The child cannot wait; the risk assessment is being updated by Friday.", version = VersionOf(referral) });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var afterOverride = await overridden.JsonAsync();
        Assert.Equal("Priya Shah", afterOverride.GetProperty("overriddenBy").GetString());

        var submitted = await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(afterOverride) });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.JsonAsync();
        Assert.True(body.GetProperty("qualityAtSubmission").GetInt32() < 100, "an out-of-date assessment still costs quality");
        Assert.True(await AuditedAsync("placement.referral.override", id));
        Assert.True(await AuditedAsync("placement.referral.override", id, "refused"));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_a_second_open_referral_is_refused()
    {
        var (api, child) = await ChildAsync();
        var started = await StartAsync(api, child);
        var id = IdOf(started);
        var changed = await api.PutAsJsonAsync($"/api/v1/placement-referrals/{id}", new { details = Details(homePostcode: "YO10 5DD"), version = 0 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("YO10 5DD", (await changed.JsonAsync()).GetProperty("details").GetProperty("homePostcode").GetString());

        var stale = await api.PutAsJsonAsync($"/api/v1/placement-referrals/{id}", new { details = Details(homePostcode: "YO1 7HH"), version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var second = await api.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", Details());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PlacementReferrals.CountAsync(r => r.ChildId == new PersonId(child))));
        var now = await (await api.GetAsync($"/api/v1/placement-referrals/{id}")).JsonAsync();
        Assert.Equal("YO10 5DD", now.GetProperty("details").GetProperty("homePostcode").GetString());
    }

    [Theory]
    [InlineData("neededBy", "2031-01-01", "neededBy")]
    [InlineData("homePostcode", "NOT A POSTCODE", "homePostcode")]
    [InlineData("needsSummary", "LONG", "needsSummary")]
    public async Task Bad_input_is_refused_with_a_named_problem_and_nothing_is_kept(string field, string value, string errorField)
    {
        var (api, child) = await ChildAsync();
        var body = JsonSerializer.SerializeToNode(Details())!.AsObject();
        body[field] = value == "LONG" ? new string('a', ReferralDetails.MaxTextLength + 1) : value;

        var response = await api.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(errorField, out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlacementReferrals.CountAsync(r => r.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task An_unknown_need_or_a_body_that_is_not_json_is_a_problem_not_a_server_error()
    {
        var (api, child) = await ChildAsync();
        var body = JsonSerializer.SerializeToNode(Details())!.AsObject();
        body["needs"] = new System.Text.Json.Nodes.JsonArray("Unicorns");

        var unknown = await api.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", body);
        var text = await api.PostAsync($"/api/v1/people/{child}/placement-referrals",
            new StringContent("needs=all", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlacementReferrals.CountAsync(r => r.ChildId == new PersonId(child))));
    }

    [Fact]
    public async Task Those_involved_read_a_referral_only_social_care_writes_it_and_the_uninvolved_see_nothing()
    {
        var (api, child) = await ChildAsync();
        var started = await StartAsync(api, child);
        var id = IdOf(started);
        var join = await api.PostAsJsonAsync($"/api/v1/people/{child}/team",
            new
            {
                professionalId = (await factory.ProfessionalOfAsync(Accounts.Police)).Value,
                role = "PoliceOfficer",
                startedOn = Today.AddDays(-5)
            });
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);
        var healthVisitor = await factory.ApiAsAsync(Accounts.HealthVisitor);

        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/placement-referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/people/{child}/placement-referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await police.PutAsJsonAsync($"/api/v1/placement-referrals/{id}", new { details = Details(), version = VersionOf(started) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await police.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/withdraw",
                new { reason = "x", version = VersionOf(started) })).StatusCode);
        foreach (var stranger in new[] { outsider, healthVisitor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/placement-referrals/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/people/{child}/placement-referrals")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await stranger.PostAsJsonAsync($"/api/v1/people/{child}/placement-referrals", Details())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await stranger.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(started) })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/placement-referrals/{id}")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "placement.referral.view"
                                                                                 && a.PersonId == child)));
        var now = await (await api.GetAsync($"/api/v1/placement-referrals/{id}")).JsonAsync();
        Assert.Equal(VersionOf(started), VersionOf(now));
    }

    [Fact]
    public async Task A_citation_comes_off_a_draft_but_stays_once_submitted()
    {
        var (api, child) = await ChildAsync();
        var id = IdOf(await StartAsync(api, child));
        var assessment = await factory.AuthorisedAssessmentAsync(new PersonId(child), AssessmentType.ChildAndFamily, DateTimeOffset.UtcNow.AddMonths(-1));
        var cited = await (await CiteAsync(api, id, assessment, 0)).JsonAsync();

        var removed = await api.DeleteAsync($"/api/v1/placement-referrals/{id}/assessments/{assessment.Value}?version={VersionOf(cited)}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var afterRemove = await removed.JsonAsync();
        Assert.Empty(afterRemove.GetProperty("assessments").EnumerateArray());

        var again = await (await CiteAsync(api, id, assessment, VersionOf(afterRemove))).JsonAsync();
        var submitted = await (await api.PostAsJsonAsync($"/api/v1/placement-referrals/{id}/submit", new { version = VersionOf(again) })).JsonAsync();
        var kept = await api.DeleteAsync($"/api/v1/placement-referrals/{id}/assessments/{assessment.Value}?version={VersionOf(submitted)}");
        Assert.Equal(HttpStatusCode.BadRequest, kept.StatusCode);
        Assert.Single((await (await api.GetAsync($"/api/v1/placement-referrals/{id}")).JsonAsync()).GetProperty("assessments").EnumerateArray());
    }

    [Fact]
    public async Task The_referral_audit_lists_poorest_first_only_children_the_viewer_may_see_and_is_audited_without_names()
    {
        var (api, child) = await ChildAsync();
        var poor = IdOf(await StartAsync(api, child, new { neededBy = Today.AddDays(3) }));
        var (_, other) = await ChildAsync();
        var good = IdOf(await StartAsync(api, other));
        var lastAudit = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Sequence));

        var audit = await (await api.GetAsync("/api/v1/placement-referrals")).JsonAsync();
        var ids = audit.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(poor) >= 0 && ids.IndexOf(poor) < ids.IndexOf(good), "poorest first");
        var outsider = await (await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync("/api/v1/placement-referrals")).JsonAsync();
        Assert.DoesNotContain(outsider.GetProperty("referrals").EnumerateArray(), r => r.GetProperty("id").GetGuid() == poor);

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence > lastAudit && a.Action == "placement.referral.audit").ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Null(e.PersonId));
        var admin = await (await (await factory.ApiAsAsync(Accounts.Administrator)).GetAsync("/api/v1/placement-referrals")).JsonAsync();
        Assert.DoesNotContain(admin.GetProperty("referrals").EnumerateArray(), r => r.GetProperty("id").GetGuid() == poor);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/placement-referrals?from=2026-06-01&to=2026-01-01")).StatusCode);
    }

    [Fact]
    public async Task The_pages_start_a_referral_show_its_quality_and_refuse_bad_input_with_an_error_summary()
    {
        var (api, child) = await ChildAsync();
        var web = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child}/placement-referrals/new";

        var bad = await web.PostAsync(path, await Clients.FormAsync(web, path, new Dictionary<string, string>
        {
            ["Input.NeededBy.Day"] = "1",
            ["Input.NeededBy.Month"] = "1",
            ["Input.NeededBy.Year"] = "2031",
            ["Input.Staffing"] = "AsRegistered",
        }));
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("govuk-error-summary", badPage, StringComparison.Ordinal);
        Assert.Contains("within the last week or the next year", badPage, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlacementReferrals.CountAsync(r => r.ChildId == new PersonId(child))));

        var needed = Today.AddDays(10);
        var good = await web.PostAsync(path, await Clients.FormAsync(web, path, new Dictionary<string, string>
        {
            ["Input.NeededBy.Day"] = needed.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NeededBy.Month"] = needed.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NeededBy.Year"] = needed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Needs"] = "Autism",
            ["Input.Staffing"] = "TwoToOne",
            ["Input.RisksAnswered"] = "true",
            ["Input.Vulnerabilities"] = "Bullying",
        }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var page = await web.GetStringAsync(good.Headers.Location!.OriginalString);
        Assert.Contains("What the score is made of", page, StringComparison.Ordinal);
        Assert.Contains("2:1 staffing", page, StringComparison.Ordinal);
        Assert.Contains("vulnerable to bullying", page, StringComparison.Ordinal);
        var outsider = await factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(good.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/placements/referral-audit")).StatusCode);
    }
}
