using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Web.Background;
using Cairn.Web.Tests.Features.AdultWorkers;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Missing;

/// <summary>
/// Missing episodes (L43, T18): children's social care and involved police record a child going missing and returning; only
/// children's social care records the return home interview; implausible times are refused with problem+json and nothing kept;
/// a return not offered an interview within 72 hours is escalated by the sweep to the social worker and their manager, once, and an
/// offered one never is. Every read and write is audited, never the context or summary.
/// </summary>
public sealed class MissingEpisodesTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static string Path(PersonId child) => $"/api/v1/children/{child.Value}/missing-episodes";

    private static Task<HttpResponseMessage> StartAsync(HttpClient api, PersonId child, DateTimeOffset startedAt, DateTimeOffset? endedAt = null,
        string context = "Went to meet older friends in town") =>
        api.PostAsJsonAsync(Path(child), new
        {
            from = "Placement",
            startedAt,
            reportedBy = "Foster carer",
            context,
            endedAt,
            whereFound = "Bus station"
        });

    private static async Task<(Guid Id, int Version)> StartedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
    }

    private async Task<int> EscalateAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MissingSweep>().EscalateAsync(now);
    }

    private Task<List<Guid>> ToldAsync(PersonId child) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "missing-episode.escalated"
            && n.Link == $"/people/{child.Value}/missing-episodes")
            .Select(n => n.ProfessionalId.Value).ToListAsync());

    [Fact]
    public async Task Childrens_social_care_records_a_start_a_return_and_the_interview_and_the_counts_show_the_child_missing_now()
    {
        var (api, child, _) = await factory.FamilyAsync();
        var (id, version) = await StartedAsync(await StartAsync(api, child, Now.AddHours(-3)));
        var second = await StartAsync(api, child, Now.AddHours(-1));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);

        var listed = await api.GetFromJsonAsync<JsonElement>(Path(child));
        Assert.Equal((1, id), (listed.GetProperty("counts").GetProperty("inLast12Months").GetInt32(),
            listed.GetProperty("counts").GetProperty("currentEpisode").GetGuid()));
        Assert.Contains("missing-now", await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}"),
            StringComparison.Ordinal);

        var ended = await api.PostAsJsonAsync($"{Path(child)}/{id}/end", new { endedAt = Now.AddHours(-1), whereFound = "Bus station", version });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var endedJson = await ended.JsonAsync();
        Assert.Equal(endedJson.GetProperty("endedAt").GetDateTimeOffset().AddHours(72), endedJson.GetProperty("interviewDueAt").GetDateTimeOffset());

        var offered = await api.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-offer",
            new { offeredAt = Now.AddMinutes(-30), offeredBy = "Return interview service", version = version + 1 });
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var outcome = await api.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-outcome",
            new { answer = "Accepted", heldOn = MeetingsPeopleTestData.Today, summary = "Talked about who they meet", version = version + 2 });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);

        listed = await api.GetFromJsonAsync<JsonElement>(Path(child));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("counts").GetProperty("currentEpisode").ValueKind);
        Assert.Equal("Accepted", listed.GetProperty("episodes")[0].GetProperty("interviewAnswer").GetString());
        foreach (var action in new[] { "missing-episode.start", "missing-episode.end", "missing-episode.interview-offer",
            "missing-episode.interview-outcome",
                     "missing-episode.list" })
        {
            Assert.True(await factory.AuditedAsync(action, child, action == "missing-episode.list" ? "allowed" : "succeeded"), action);
        }

        Assert.True(await factory.AuditedAsync("missing-episode.start", child, "refused"));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null
            && (a.Detail.Contains("older friends") || a.Detail.Contains("who they meet")))));
    }

    [Fact]
    public async Task Involved_police_record_a_start_and_return_but_not_the_interview_and_others_are_refused_or_get_404()
    {
        var (api, child, _, _) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer");
        var police = await factory.ApiAsAsync(Accounts.Police);
        var (id, version) = await StartedAsync(await StartAsync(police, child, Now.AddHours(-100)));
        var ended = await police.PostAsJsonAsync($"{Path(child)}/{id}/end", new { endedAt = Now.AddHours(-80), version });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var policeOffer = await police.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-offer",
            new { offeredAt = Now, offeredBy = "Police", version = version + 1 });
        var stranger = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.Forbidden, policeOffer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(Path(child))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Path(child))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartAsync(stranger, child, Now.AddHours(-1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-offer",
            new { offeredAt = Now, offeredBy = "Someone", version = version + 1 })).StatusCode);
        Assert.True(await factory.AuditedAsync("missing-episode.interview-offer", child, "refused"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MissingEpisodes.CountAsync(e => e.ChildId == child && e.InterviewOfferedAt == null)));

        // Children's social care records the offer the police may not.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-offer",
            new { offeredAt = Now, offeredBy = "Return interview service", version = version + 1 })).StatusCode);
    }

    [Fact]
    public async Task An_involved_health_visitor_reads_the_episodes_but_may_not_record_one()
    {
        var (_, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);

        var read = await health.GetAsync(Path(child));
        var start = await StartAsync(health, child, Now.AddHours(-1));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (read.StatusCode, start.StatusCode));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MissingEpisodes.CountAsync(m => m.ChildId == child)));
        Assert.True(await factory.AuditedAsync("missing-episode.start", child, "refused"));
    }

    [Theory]
    [InlineData("future start", 2, null, "startedAt")]
    [InlineData("start before birth", -24 * 365 * 8, null, "startedAt")]
    [InlineData("return before start", -2, -3, "endedAt")]
    [InlineData("return in the future", -2, 1, "endedAt")]
    public async Task Implausible_times_are_400_problem_json_and_nothing_is_kept(string @case, int startHours, int? endHours, string field)
    {
        var (api, child, _) = await factory.FamilyAsync();

        var response = await StartAsync(api, child, Now.AddHours(startHours), endHours is { } e ? Now.AddHours(e) : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), @case);
        Assert.Equal(0, await factory.WithDbAsync(db => db.MissingEpisodes.CountAsync(m => m.ChildId == child)));
    }

    [Fact]
    public async Task A_stale_return_is_409_and_an_episode_of_another_child_is_404()
    {
        var (api, child, _) = await factory.FamilyAsync();
        var (_, other, _) = await factory.FamilyAsync();
        var (id, version) = await StartedAsync(await StartAsync(api, child, Now.AddHours(-3)));

        var stale = await api.PostAsJsonAsync($"{Path(child)}/{id}/end", new { endedAt = Now, version = version + 5 });
        var wrongChild = await api.PostAsJsonAsync($"{Path(other)}/{id}/end", new { endedAt = Now, version });
        var noVersion = await api.PostAsJsonAsync($"{Path(child)}/{id}/end", new { endedAt = Now });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.BadRequest),
            (stale.StatusCode, wrongChild.StatusCode, noVersion.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MissingEpisodes.CountAsync(m => m.ChildId == child && m.EndedAt == null)));
    }

    [Fact]
    public async Task The_sweep_escalates_a_return_not_offered_an_interview_in_72_hours_once_to_the_social_worker_and_manager()
    {
        var (api, child, _) = await factory.FamilyAsync();
        // Returned 73 hours ago: the interview was due an hour ago, and the next rung (4 working hours later) is not yet due.
        await StartedAsync(await StartAsync(api, child, Now.AddHours(-80), Now.AddHours(-73)));
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var priya = await factory.ProfessionalOfAsync(Accounts.TeamManager);

        await EscalateAsync(Now);
        await EscalateAsync(Now);

        Assert.Equal(new[] { priya.Value, sam.Value }.Order(), (await ToldAsync(child)).Order());
        var episode = await factory.WithDbAsync(db => db.MissingEpisodes.AsNoTracking().SingleAsync(e => e.ChildId == child));
        Assert.Equal((true, 1), (episode.InterviewOverdue, episode.EscalationLevel));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "missing-episode.escalate" && a.PersonId == child.Value)
            .Select(a => new { a.Detail, a.ActorId }).ToListAsync());
        Assert.Equal(("level 1", (Guid?)null), (Assert.Single(audited).Detail, audited[0].ActorId));
        var listed = await api.GetFromJsonAsync<JsonElement>(Path(child));
        Assert.True(listed.GetProperty("episodes")[0].GetProperty("interviewOverdue").GetBoolean());
    }

    [Fact]
    public async Task The_sweep_never_escalates_a_return_offered_an_interview_in_time_nor_a_child_still_missing()
    {
        var (api, child, _) = await factory.FamilyAsync();
        var (id, version) = await StartedAsync(await StartAsync(api, child, Now.AddHours(-90), Now.AddHours(-80)));
        var offered = await api.PostAsJsonAsync($"{Path(child)}/{id}/return-interview-offer",
            new { offeredAt = Now.AddHours(-79), offeredBy = "Return interview service", version });
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var (otherApi, stillMissing, _) = await factory.FamilyAsync();
        await StartedAsync(await StartAsync(otherApi, stillMissing, Now.AddDays(-10)));

        await EscalateAsync(Now.AddDays(30));

        Assert.Empty(await ToldAsync(child));
        Assert.Empty(await ToldAsync(stillMissing));
        Assert.False(await factory.WithDbAsync(db => db.MissingEpisodes.AnyAsync(e => (e.ChildId == child || e.ChildId == stillMissing)
            && e.InterviewOverdue)));
    }

    [Fact]
    public async Task The_missing_episodes_page_shows_the_episodes_and_is_404_to_someone_who_may_not_open_the_record()
    {
        var (api, child, _) = await factory.FamilyAsync();
        await StartedAsync(await StartAsync(api, child, Now.AddHours(-3), context: "Seen with an older man"));

        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/missing-episodes");
        var stranger = await (await factory.SignedInAsAsync(Accounts.Uninvolved)).GetAsync($"/people/{child.Value}/missing-episodes");

        Assert.Contains("Seen with an older man", page, StringComparison.Ordinal);
        Assert.Contains("missing-now", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    private static Dictionary<string, string> When(string field, DateTimeOffset at)
    {
        var local = at.ToOffset(TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(at));
        var i = System.Globalization.CultureInfo.InvariantCulture;
        return new()
        {
            [$"Input.{field}.Day"] = local.Day.ToString(i),
            [$"Input.{field}.Month"] = local.Month.ToString(i),
            [$"Input.{field}.Year"] = local.Year.ToString(i),
            [$"Input.{field}.Time"] = local.ToString("HH:mm", i),
        };
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, PersonId child, string handler,
        Dictionary<string, string> fields, Guid? episode = null)
    {
        var page = $"/people/{child.Value}/missing-episodes";
        var path = $"{page}?handler={handler}" + (episode is { } e ? $"&episodeId={e}" : "");
        return await browser.PostAsync(path, await Clients.FormAsync(browser, page, fields));
    }

    [Fact]
    public async Task The_pages_forms_record_going_missing_the_return_and_the_interview_through_the_same_rules_as_the_api()
    {
        var (_, child, _, _) = await factory.FamilyWithAsync("DC Chris Barnes", "PoliceOfficer");
        var social = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var police = await factory.SignedInAsAsync(Accounts.Police);

        // Going missing, by the police, on the page; a future time is refused with the error summary and nothing kept.
        var future = await PostFormAsync(police, child, "Start", new(When("StartedAt", Now.AddHours(3)))
        {
            ["Input.From"] = "Placement",
            ["Input.ReportedBy"] = "Registered manager",
        });
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("govuk-error-summary", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MissingEpisodes.AnyAsync(e => e.ChildId == child)));
        var started = await PostFormAsync(police, child, "Start", new(When("StartedAt", Now.AddHours(-100)))
        {
            ["Input.From"] = "Placement",
            ["Input.ReportedBy"] = "Registered manager",
            ["Input.Context"] = "Left after a phone call",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var episode = await factory.WithDbAsync(db => db.MissingEpisodes.Where(e => e.ChildId == child).Select(e => new { e.Id, e.Version }).SingleAsync());
        Assert.True(await factory.AuditedAsync("missing-episode.start", child));

        // The police see the return form but not the interview's; a stale version is 409 with the message on the page.
        var policePage = await police.GetStringAsync($"/people/{child.Value}/missing-episodes");
        Assert.Contains("data-form=\"end\"", policePage, StringComparison.Ordinal);
        var stale = await PostFormAsync(police, child, "End", new(When("EndedAt", Now.AddHours(-80)))
        {
            ["Input.WhereFound"] = "Bus station",
            ["Input.Version"] = $"{episode.Version + 5}",
        }, episode.Id.Value);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var ended = await PostFormAsync(police, child, "End", new(When("EndedAt", Now.AddHours(-80)))
        {
            ["Input.WhereFound"] = "Bus station",
            ["Input.Version"] = $"{episode.Version}",
        }, episode.Id.Value);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.DoesNotContain("data-form=\"offer\"", await police.GetStringAsync($"/people/{child.Value}/missing-episodes"),
            StringComparison.Ordinal);
        var policeOffer = await PostFormAsync(police, child, "Offer", new(When("OfferedAt", Now))
        {
            ["Input.OfferedBy"] = "Police",
            ["Input.Version"] = $"{episode.Version + 1}",
        }, episode.Id.Value);
        Assert.Equal(HttpStatusCode.Forbidden, policeOffer.StatusCode);

        // Children's social care records the offer and the outcome on the page.
        Assert.Contains("data-form=\"offer\"", await social.GetStringAsync($"/people/{child.Value}/missing-episodes"), StringComparison.Ordinal);
        var offered = await PostFormAsync(social, child, "Offer", new(When("OfferedAt", Now.AddHours(-1)))
        {
            ["Input.OfferedBy"] = "Return interview service",
            ["Input.Version"] = $"{episode.Version + 1}",
        }, episode.Id.Value);
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var answered = await PostFormAsync(social, child, "Outcome", new()
        {
            ["Input.Answer"] = "Declined",
            ["Input.Version"] = $"{episode.Version + 2}",
        }, episode.Id.Value);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var kept = await factory.WithDbAsync(db => db.MissingEpisodes.SingleAsync(e => e.Id == episode.Id));
        Assert.Equal(("Bus station", Cairn.Domain.Missing.ReturnInterviewAnswer.Declined), (kept.WhereFound, kept.InterviewAnswer));
        Assert.True(await factory.AuditedAsync("missing-episode.interview-outcome", child));

        // Someone who may not open the record cannot post the form at all.
        var stranger = await factory.SignedInAsAsync(Accounts.Uninvolved);
        var refused = await stranger.PostAsync($"/people/{child.Value}/missing-episodes?handler=Start",
            await Clients.FormAsync(stranger, "/", new(When("StartedAt", Now.AddHours(-1))) { ["Input.From"] = "Home", ["Input.ReportedBy"] = "X" }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
