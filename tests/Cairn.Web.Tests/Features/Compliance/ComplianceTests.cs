using System.Net;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Features.Compliance;
using Cairn.Web.Security;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Compliance;

/// <summary>
/// The compliance view (issue #14 item 7, L16): statutory steps due or overdue per child, per team and for the area, counted by kind
/// and listed oldest due date first, 25 a page; meetings held on time or late counted into the month of their due date; who sees
/// what (a safeguarding lead the area, a team manager their teams' children, anyone else their own steps, a child's view only with
/// access to the record), both sides; bad page numbers answered with a message, never a 500; the API refuses anonymous callers.
/// </summary>
public sealed class ComplianceTests(CairnFactory factory) : IClassFixture<CairnFactory>
{
    private static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A meeting about the child due on <paramref name="due"/>, scheduled; or held on <paramref name="heldOn"/> with minutes.</summary>
    private async Task<Guid> MeetingAsync(Guid child, string ownerEmail, DateOnly due, MeetingKind kind = MeetingKind.CoreGroup,
        DateOnly? heldOn = null, MinutesStatus minutes = MinutesStatus.Sent, DateOnly? minutesDue = null, MeetingStatus? status = null)
    {
        var owner = await factory.ProfessionalOfAsync(ownerEmail);
        var meeting = Meeting.Schedule(new PersonId(child), kind, 1, MeetingTrigger.Arranged, Guid.NewGuid(), due.AddDays(-20),
            new MeetingDue(due, Clock.FromLondon(due.ToDateTime(new TimeOnly(17, 0)))), owner, null, DateTimeOffset.UtcNow);
        await factory.WithDbAsync(async db =>
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            if (heldOn is { } held)
            {
                var minutesOn = minutesDue ?? held.AddDays(10);
                await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MeetingStatus.Held).SetProperty(m => m.HeldOn, held)
                    .SetProperty(m => m.MinutesStatus, minutes).SetProperty(m => m.MinutesDueOn, minutesOn));
            }
            else if (status is { } st)
            {
                await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, st));
            }

            return 0;
        });
        return meeting.Id.Value;
    }

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static List<Guid> Ids(JsonElement page) => Items(page).Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static JsonElement Count(JsonElement page, string kind) =>
        page.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task A_childs_steps_are_counted_by_kind_and_listed_oldest_due_first_with_their_escalation_level()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var later = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(60), MeetingKind.ReviewChildProtectionConference);
        var three = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-3));
        var soon = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(5), MeetingKind.LookedAfterReview);
        var ten = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-10), MeetingKind.InitialChildProtectionConference);
        var minutes = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-30), heldOn: Today.AddDays(-30), minutes: MinutesStatus.Draft,
            minutesDue: Today.AddDays(-7));
        await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-40), heldOn: Today.AddDays(-41));
        await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-4), status: MeetingStatus.Cancelled);
        await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-50), MeetingKind.ProfessionalsMeeting);
        await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == new MeetingId(ten))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EscalationLevel, 2)));

        var page = await OkJsonAsync(await api.GetAsync($"/api/v1/people/{child}/compliance"));

        Assert.Equal([ten, minutes, three, soon, later], Ids(page));
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, Count(page, "Meeting").GetProperty("overdue").GetInt32());
        Assert.Equal(2, Count(page, "Meeting").GetProperty("due").GetInt32());
        Assert.Equal(1, Count(page, "Minutes").GetProperty("overdue").GetInt32());
        var first = Items(page)[0];
        Assert.Equal(2, first.GetProperty("escalationLevel").GetInt32());
        Assert.True(first.GetProperty("overdue").GetBoolean());
        Assert.Equal(10, first.GetProperty("daysOverdue").GetInt32());
        Assert.False(Items(page)[3].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_area_list_shows_steps_due_within_four_weeks_or_overdue_oldest_first_and_audits_each_child_once_a_day()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var oldest = await MeetingAsync(child, Accounts.SocialWorker, Today.AddYears(-20));
        var beyond = await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(ComplianceStepsHandler.DueSoonDays + 5));
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);

        var page = await OkJsonAsync(await lead.GetAsync("/api/v1/compliance?kind=Meeting"));
        await OkJsonAsync(await lead.GetAsync("/api/v1/compliance?kind=Meeting"));

        Assert.Equal("Area", page.GetProperty("reach").GetString());
        Assert.Contains(oldest, Ids(page));
        Assert.All(Items(page), i => Assert.Equal("Meeting", i.GetProperty("kind").GetString()));
        var dues = Items(page)
            .Select(i => DateOnly.Parse(i.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dues.Order().ToList(), dues);
        var all = await AllIdsAsync(lead, "/api/v1/compliance?kind=Meeting");
        Assert.Contains(oldest, all);
        Assert.DoesNotContain(beyond, all);
        var morgan = (await factory.ProfessionalOfAsync(Accounts.SafeguardingLead)).Value;
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == ComplianceStepsHandler.ListAction && e.PersonId == child && e.ActorId == morgan)));
    }

    private static async Task<List<Guid>> AllIdsAsync(HttpClient api, string path)
    {
        var first = await OkJsonAsync(await api.GetAsync(path));
        var ids = Ids(first);
        var pages = (first.GetProperty("total").GetInt32() + 24) / 25;
        for (var p = 2; p <= pages; p++)
        {
            ids.AddRange(Ids(await OkJsonAsync(await api.GetAsync($"{path}&page={p}"))));
        }

        return ids;
    }

    [Fact]
    public async Task Meetings_held_on_time_and_late_or_not_held_are_counted_into_the_month_of_their_due_date()
    {
        var month = Today.AddMonths(-2);
        var due = new DateOnly(month.Year, month.Month, 10);
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var before = MonthOf(await OkJsonAsync(await lead.GetAsync("/api/v1/compliance/on-time")), due);
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await MeetingAsync(child, Accounts.SocialWorker, due, heldOn: due);
        await MeetingAsync(child, Accounts.SocialWorker, due, heldOn: due.AddDays(-3));
        await MeetingAsync(child, Accounts.SocialWorker, due, heldOn: due.AddDays(1));
        await MeetingAsync(child, Accounts.SocialWorker, due.AddDays(-1));
        await MeetingAsync(child, Accounts.SocialWorker, due, status: MeetingStatus.Cancelled);
        await MeetingAsync(child, Accounts.SocialWorker, due.AddMonths(-1).AddDays(-2), heldOn: due.AddDays(-20));

        var rates = await OkJsonAsync(await lead.GetAsync("/api/v1/compliance/on-time"));
        var after = MonthOf(rates, due);
        var previous = MonthOf(rates, due.AddMonths(-1));

        Assert.Equal(12, rates.GetProperty("months").GetArrayLength());
        Assert.Equal(before.GetProperty("meetingsOnTime").GetInt32() + 2, after.GetProperty("meetingsOnTime").GetInt32());
        Assert.Equal(before.GetProperty("meetingsLate").GetInt32() + 2, after.GetProperty("meetingsLate").GetInt32());
        Assert.True(previous.GetProperty("meetingsLate").GetInt32() >= 1);
    }

    private static JsonElement MonthOf(JsonElement rates, DateOnly day) => rates.GetProperty("months").EnumerateArray()
        .Single(m => m.GetProperty("year").GetInt32() == day.Year && m.GetProperty("month").GetInt32() == day.Month);

    [Fact]
    public async Task A_team_manager_sees_their_teams_children_a_practitioner_their_own_steps_and_a_lead_any_team_in_the_area()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        var worker = await MeetingAsync(child, Accounts.SocialWorker, Today.AddYears(-6));
        var nadias = await MeetingAsync(child, Accounts.HealthVisitor, Today.AddYears(-6).AddDays(1), MeetingKind.LookedAfterReview);
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var health = await factory.ApiAsAsync(Accounts.HealthVisitor);
        var police = await factory.ApiAsAsync(Accounts.Police);

        var managers = await OkJsonAsync(await manager.GetAsync("/api/v1/compliance?kind=Meeting"));
        var nadiasList = await OkJsonAsync(await health.GetAsync("/api/v1/compliance"));
        var polices = await OkJsonAsync(await police.GetAsync("/api/v1/compliance"));

        Assert.Equal("Team", managers.GetProperty("reach").GetString());
        Assert.Contains(worker, Ids(managers));
        Assert.Equal("Own", nadiasList.GetProperty("reach").GetString());
        Assert.Contains(nadias, Ids(nadiasList));
        Assert.DoesNotContain(worker, Ids(nadiasList));
        Assert.DoesNotContain(worker, Ids(polices));
        Assert.DoesNotContain(nadias, Ids(polices));

        var samsTeam = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Email == Accounts.SocialWorker).Select(p => p.TeamId!.Value)
            .SingleAsync());
        var other = await factory.TeamAsync("Elsewhere team " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/compliance?team={samsTeam.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/compliance?team={other.Value}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/api/v1/compliance?team={samsTeam.Value}")).StatusCode);
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var leads = await OkJsonAsync(await lead.GetAsync($"/api/v1/compliance?team={samsTeam.Value}&kind=Meeting"));
        Assert.Contains(worker, Ids(leads));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/v1/compliance?team={other.Value}")).StatusCode);
    }

    [Fact]
    public async Task A_childs_view_needs_access_to_the_record_and_is_audited_as_a_read()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(-2));
        var uninvolved = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/people/{child}/compliance")).StatusCode);
        var uninvolvedPages = await factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolvedPages.GetAsync($"/people/{child}/compliance")).StatusCode);
        await OkJsonAsync(await api.GetAsync($"/api/v1/people/{child}/compliance"));
        var html = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child}/compliance");

        Assert.Contains("1 step due or overdue", html);
        Assert.Contains("On time, by month of due date", html);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "compliance.view" && e.PersonId == child)));
        Assert.True(await factory.WithDbAsync(db =>
            db.AuditEntries.AnyAsync(e => e.Action == "record.open" && e.PersonId == child && e.Outcome == "refused")));
    }

    [Fact]
    public async Task Pages_are_25_steps_with_the_total_and_a_page_that_does_not_exist_is_explained_never_a_500()
    {
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await api.CreateChildAsync();
        for (var i = 0; i < 30; i++)
        {
            await MeetingAsync(child, Accounts.SocialWorker, Today.AddDays(i - 40));
        }

        var first = await OkJsonAsync(await api.GetAsync($"/api/v1/people/{child}/compliance"));
        var second = await OkJsonAsync(await api.GetAsync($"/api/v1/people/{child}/compliance?page=2"));

        Assert.Equal(30, first.GetProperty("total").GetInt32());
        Assert.Equal(25, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(25, Items(first).Count);
        Assert.Equal(5, Items(second).Count);
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        foreach (var bad in new[] { "3", "0", "-1", "abc", "99999999999" })
        {
            var response = await api.GetAsync($"/api/v1/people/{child}/compliance?page={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("page", await response.Content.ReadAsStringAsync());
        }

        var tooFar = await api.GetAsync($"/api/v1/people/{child}/compliance?page=3");
        Assert.Contains("There is no page 3: there are 2 pages", await tooFar.Content.ReadAsStringAsync());
        var browser = await factory.SignedInAsAsync(Accounts.SafeguardingLead);
        var html = await browser.GetAsync("/compliance?page=999999");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("There is no page 999999", await html.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/compliance?kind=Everything")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/compliance?team=nope")).StatusCode);
        var childPage = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child}/compliance?page=2");
        Assert.Contains("30 steps due or overdue, page 2 of 2", childPage);
    }

    [Fact]
    public async Task The_compliance_page_shows_counts_the_list_and_the_chart_with_its_table_and_the_nav_entry_only_to_those_who_may_see_it()
    {
        var lead = await factory.SignedInAsAsync(Accounts.SafeguardingLead);
        var html = await lead.GetStringAsync("/compliance");
        var worker = await (await factory.SignedInAsAsync(Accounts.Police)).GetStringAsync("/");

        Assert.Contains("Statutory steps: the area", html);
        Assert.Contains("id=\"counts\"", html);
        Assert.Contains("id=\"on-time-table\"", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("href=\"/compliance\"", html);
        Assert.DoesNotContain("href=\"/compliance\"", worker);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsAsync(Accounts.TeamManager)).GetAsync("/compliance")).StatusCode);
        var team = await factory.TeamAsync("Unmanaged team " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/compliance/teams/{team.Value}")).StatusCode);
        var managerPages = await factory.SignedInAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.NotFound, (await managerPages.GetAsync($"/compliance/teams/{team.Value}")).StatusCode);
    }

    [Fact]
    public async Task The_area_list_leaves_out_children_of_another_area()
    {
        var elsewhere = await factory.NewAreaAsync();
        var theirs = await factory.PersonAsync("Kit", "Elsewhere", Today.AddYears(-4), area: elsewhere);
        var ours = await (await factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var outside = await MeetingAsync(theirs.Value, Accounts.SocialWorker, Today.AddYears(-30));
        var inside = await MeetingAsync(ours, Accounts.SocialWorker, Today.AddYears(-29));

        var page = await OkJsonAsync(await (await factory.ApiAsAsync(Accounts.SafeguardingLead)).GetAsync("/api/v1/compliance?kind=Meeting"));

        Assert.DoesNotContain(outside, Ids(page));
        Assert.Contains(inside, Ids(page));
    }

    [Theory]
    [InlineData("/api/v1/compliance")]
    [InlineData("/api/v1/compliance/on-time")]
    [InlineData("/api/v1/people/00000000-0000-0000-0000-000000000001/compliance")]
    public async Task The_api_refuses_callers_without_authentication(string path)
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
