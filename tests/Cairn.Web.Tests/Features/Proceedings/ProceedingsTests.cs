using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Domain.Time;
using Cairn.Web.Tests.Features.AdultWorkers;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Proceedings;

/// <summary>
/// Pre-proceedings and care proceedings (L30): only children's social care starts them, which schedules the family group
/// decision-making meeting once, due 10 working days after the start (the local default), with each parent's own worker invited
/// (L29); the child's record prompts for each parent's advocate until one, or a reason why not, is recorded; bad input and a stale
/// version change nothing; ending them ends the prompts.
/// </summary>
public sealed class ProceedingsTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => MeetingsPeopleTestData.Today;

    private static async Task<JsonElement> StartedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient api, PersonId child, string kind = "PreProceedings", DateOnly? on = null) =>
        api.PostAsJsonAsync($"/api/v1/people/{child.Value}/proceedings", new { kind, startedOn = on ?? Today.AddDays(-2) });

    private async Task<string> ChildPageAsync(PersonId child) =>
        await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}");

    [Fact]
    public async Task Starting_proceedings_schedules_one_family_group_decision_making_meeting_due_in_10_working_days_with_the_parents_worker()
    {
        var (api, child, parents) = await factory.FamilyAsync();
        var (owen, _) = await factory.NamedAsync("Owen Rees");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/people/{parents[0].Value}/allocated-workers",
            new { professionalId = owen.Value, service = "MentalHealth", startedOn = Today.AddDays(-40) })).StatusCode);
        var start = Today.AddDays(-2);

        var started = await StartedAsync(await StartAsync(api, child, on: start));
        var again = await StartAsync(api, child, on: start);

        var id = started.GetProperty("id").GetGuid();
        var expected = new WorkingCalendar(EnglandAndWales.BankHolidays).AddWorkingDays(start, 10);
        Assert.Equal(expected, DateOnly.Parse(started.GetProperty("familyMeetingDueOn").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var meetings = await factory.WithDbAsync(db => db.Meetings.Include(m => m.Invitees).Where(m => m.ChildId == child).ToListAsync());
        var meeting = Assert.Single(meetings);
        var socialWorker = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        Assert.Equal((MeetingKind.FamilyGroupDecisionMaking, MeetingTrigger.ProceedingsStarted, id, expected, socialWorker),
            (meeting.Kind, meeting.Trigger, meeting.TriggerId!.Value, meeting.DueOn!.Value, meeting.OwnerId));
        Assert.Contains(meeting.Invitees, i => i.ProfessionalId == owen && i.Role == MeetingRole.ParentsOwnWorker);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Proceedings.CountAsync(p => p.ChildId == child)));
        Assert.True(await factory.AuditedAsync("proceedings.start", child));
        Assert.True(await factory.AuditedAsync("proceedings.start", child, "refused"));

        // Care proceedings later are their own trigger: one more meeting, never a second for the same proceedings.
        var care = await StartedAsync(await StartAsync(api, child, "CareProceedings", Today));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.ChildId == child)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.TriggerId == care.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Only_childrens_social_care_starts_proceedings_and_someone_who_may_not_open_the_record_gets_404()
    {
        var (api, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");

        var byHealth = await StartAsync(await factory.ApiAsAsync(Accounts.HealthVisitor), child);
        var byStranger = await StartAsync(await factory.ApiAsAsync(Accounts.Uninvolved), child);
        var readByHealth = await (await factory.ApiAsAsync(Accounts.HealthVisitor)).GetAsync($"/api/v1/people/{child.Value}/proceedings");
        var readByStranger = await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/people/{child.Value}/proceedings");
        var badDate = await StartAsync(api, child, on: Today.AddDays(1));
        var noKind = await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/proceedings", new { startedOn = Today });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (byHealth.StatusCode, byStranger.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (readByHealth.StatusCode, readByStranger.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badDate.StatusCode, noKind.StatusCode));
        Assert.True((await badDate.JsonAsync()).GetProperty("errors").TryGetProperty("startedOn", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Proceedings.CountAsync(p => p.ChildId == child)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.ChildId == child)));
    }

    [Fact]
    public async Task The_childs_record_prompts_for_each_parents_advocate_until_one_or_a_reason_is_recorded()
    {
        var (api, child, parents) = await factory.FamilyAsync(parents: 2);
        var names = await factory.WithDbAsync(db => db.People.Where(p => parents.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FamilyName));
        Assert.DoesNotContain("advocate-prompts", await ChildPageAsync(child), StringComparison.Ordinal);

        var started = await StartedAsync(await StartAsync(api, child));
        var id = started.GetProperty("id").GetGuid();
        var page = await ChildPageAsync(child);
        Assert.Contains("advocate-prompts", page, StringComparison.Ordinal);
        Assert.All(parents, p => Assert.Contains(names[p], page, StringComparison.Ordinal));

        var both = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/advocates",
            new { familyMemberId = parents[0].Value, advocate = "Jo Smith, Family Rights", noAdvocateReason = "Declined", version = 1 });
        var stranger = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/advocates",
            new { familyMemberId = child.Value, advocate = "Jo Smith, Family Rights", version = 1 });
        var stale = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/advocates",
            new { familyMemberId = parents[0].Value, advocate = "Jo Smith, Family Rights", version = 0 });
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Conflict), (both.StatusCode, stranger.StatusCode, stale.StatusCode));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FamilyAdvocates.CountAsync(a => a.ProceedingsId == new ProceedingsId(id))));

        var first = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/advocates",
            new { familyMemberId = parents[0].Value, advocate = "Jo Smith, Family Rights", version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        page = await ChildPageAsync(child);
        Assert.Contains("advocate-prompts", page, StringComparison.Ordinal);
        Assert.DoesNotContain(names[parents[0]], Prompts(page), StringComparison.Ordinal);
        Assert.Contains(names[parents[1]], Prompts(page), StringComparison.Ordinal);

        var second = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/advocates",
            new { familyMemberId = parents[1].Value, noAdvocateReason = "Represented by a solicitor", version = 2 });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("advocate-prompts", await ChildPageAsync(child), StringComparison.Ordinal);
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/proceedings");
        Assert.All(listed.GetProperty("proceedings")[0].GetProperty("advocates").EnumerateArray(), a => Assert.True(a.GetProperty("recorded").GetBoolean()));
        Assert.True(await factory.AuditedAsync("proceedings.advocate", child));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains("Jo Smith"))));
    }

    [Fact]
    public async Task Ending_proceedings_needs_the_version_read_and_ends_the_prompts_and_only_childrens_social_care_may()
    {
        var (api, child, _, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var id = (await StartedAsync(await StartAsync(api, child))).GetProperty("id").GetGuid();

        var byHealth = await (await factory.ApiAsAsync(Accounts.HealthVisitor)).PostAsJsonAsync($"/api/v1/proceedings/{id}/end",
            new { endedOn = Today, version = 1 });
        var stale = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/end", new { endedOn = Today, version = 7 });
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Conflict), (byHealth.StatusCode, stale.StatusCode));
        Assert.Contains("advocate-prompts", await ChildPageAsync(child), StringComparison.Ordinal);

        var ended = await api.PostAsJsonAsync($"/api/v1/proceedings/{id}/end", new { endedOn = Today, version = 1 });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(Today, await factory.WithDbAsync(db => db.Proceedings.Where(p => p.Id == new ProceedingsId(id)).Select(p => p.EndedOn).SingleAsync()));
        Assert.DoesNotContain("advocate-prompts", await ChildPageAsync(child), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_takes_a_govuk_date_and_shows_a_missing_kind_in_the_error_summary()
    {
        var (_, child, _) = await factory.FamilyAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var path = $"/people/{child.Value}/proceedings/new";
        Dictionary<string, string> Fields(string kind) => new()
        {
            ["Input.Kind"] = kind,
            ["Input.StartedOn.Day"] = Today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.StartedOn.Month"] = Today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.StartedOn.Year"] = Today.Year.ToString(CultureInfo.InvariantCulture),
        };

        var refused = await browser.PostAsync(path, await Clients.FormAsync(browser, path, Fields("")));
        Assert.Contains("Select pre-proceedings or care proceedings", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await browser.PostAsync(path, await Clients.FormAsync(browser, path, Fields("CareProceedings")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var list = await browser.GetStringAsync($"/people/{child.Value}/proceedings");
        Assert.Contains("Care proceedings", list, StringComparison.Ordinal);
        Assert.Contains("Scheduled: due by", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_advocate_and_end_pages_show_their_forms_to_childrens_social_care_and_refuse_anyone_else_with_403()
    {
        var (api, child, parents, _) = await factory.FamilyWithAsync("Nadia Hussain", "HealthVisitor");
        var id = (await StartedAsync(await StartAsync(api, child))).GetProperty("id").GetGuid();
        var worker = await factory.SignedInAsAsync(Accounts.SocialWorker);
        var health = await factory.SignedInAsAsync(Accounts.HealthVisitor);
        var stranger = await factory.SignedInAsAsync(Accounts.Uninvolved);

        foreach (var path in new[] { $"/proceedings/{id}/advocates/{parents[0].Value}", $"/proceedings/{id}/end", $"/people/{child.Value}/proceedings/new" })
        {
            var shown = await worker.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("<form method=\"post\" novalidate>", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var refused = await health.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("Only children&#x27;s social care", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/proceedings/{id}/advocates/{child.Value}")).StatusCode);
    }

    /// <summary>The advocate prompt block of the child's page.</summary>
    private static string Prompts(string page)
    {
        var start = page.IndexOf("id=\"advocate-prompts\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
    }
}
