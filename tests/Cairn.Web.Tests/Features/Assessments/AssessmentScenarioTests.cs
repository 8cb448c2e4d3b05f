using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Concerns;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Assessments;

/// <summary>The app with a clock the scenario moves: it starts on Thursday 2 April 2026 in London, before Easter.</summary>
public sealed class AssessmentClockFactory : CairnFactory
{
    public override TestClock Clock { get; } = new(TestClock.London(2026, 4, 2, 10, 0));
}

/// <summary>
/// Issue #13's scenario (T02, L25): a child and family assessment started from a referral is due 45 working days later with
/// the bank holidays counted, climbs the escalation ladder when late (one rung per sweep, each told once, audited), and cannot
/// be completed late without a reason. The clock is this class's own; each test moves it forward only.
/// </summary>
public sealed class AssessmentScenarioTests(AssessmentClockFactory factory) : IClassFixture<AssessmentClockFactory>
{
    private const string LateReason = "The family were abroad for three weeks in May and could not be seen.";

    /// <summary>A contact about the child received at the front door on Wednesday 1 April 2026 at 09:15, London time.</summary>
    private async Task<Guid> ReferralAsync(Guid child)
    {
        var receivedAt = TestClock.London(2026, 4, 1, 9, 15);
        var frontDoor = await factory.ProfessionalOfAsync(Accounts.FrontDoor);
        var area = await factory.DemoAreaIdAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarSource>().GetAsync(CancellationToken.None);
        var draft = new ContactDraft(ContactSource.School, new Referrer("Head teacher", "St Aidan's Primary School", "School", "01904 550300", null, false),
            "Bruising seen on the child's arm; the child said she fell.", ConcernTheme.None, receivedAt);
        var contact = Contact.Receive(draft, new PersonId(child), area, Guid.NewGuid(), frontDoor, null, null, receivedAt, calendar).Value!;
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id.Value;
    }

    private async Task<int> SweepAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseworkSweep>().EscalateAssessmentsAsync(now);
    }

    private Task<List<Guid>> ToldAsync(Guid id) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "assessment.escalated" && n.Link == $"/assessments/{id}")
            .Select(n => n.ProfessionalId.Value).ToListAsync());

    private static object Sections(int version) => new
    {
        voiceOfChild = "Said she fell off the climbing frame; she wants to stay at home with her mum.",
        health = "Seen by the GP on 2 April: bruising consistent with a fall. Immunisations up to date.",
        gpInvolved = true,
        findings = "Home conditions good; a supportive extended family.",
        analysis = "The injury is consistent with the explanation; no further concerns identified.",
        recommendations = "No further action; universal services continue.",
        version,
    };

    [Fact]
    public async Task Started_from_a_referral_it_is_due_45_working_days_later_escalates_when_late_and_completes_late_only_with_a_reason()
    {
        factory.Clock.Set(TestClock.London(2026, 4, 2, 10, 0));
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.CreateChildAsync();
        var referral = await ReferralAsync(child);

        // The start date entered is the day it is recorded; the referral's date wins (T02: the clock starts at the referral).
        var started = await sam.PostAsJsonAsync($"/api/v1/people/{child}/assessments",
            new { type = "ChildAndFamily", basis = "Section17", startedOn = "2026-04-02", referralId = referral });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        var view = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        // 45 weekdays after Wednesday 1 April 2026 is 3 June; Good Friday, Easter Monday and the early and late May bank
        // holidays put it back to Tuesday 9 June.
        Assert.Equal(("2026-04-01", "2026-06-09", referral), (view.GetProperty("startedOn").GetString(), view.GetProperty("dueOn").GetString(),
            view.GetProperty("referralId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(1))).StatusCode);

        // Not late at the close of the due day; late the morning after.
        var dueAt = TestClock.London(2026, 6, 9, 17, 0);
        Assert.Equal(0, await SweepAsync(dueAt.AddMinutes(-1)));
        factory.Clock.Set(TestClock.London(2026, 6, 10, 9, 30));
        var sweptAt = factory.Clock.GetUtcNow();
        Assert.True(await SweepAsync(sweptAt) >= 1);
        Assert.Equal(0, await SweepAsync(sweptAt));

        var samId = await factory.ProfessionalIdAsync(Accounts.SocialWorker);
        var priyaId = await factory.ProfessionalIdAsync(Accounts.TeamManager);
        var morganId = await factory.ProfessionalIdAsync(Accounts.SafeguardingLead);
        var firstRung = await ToldAsync(id);
        Assert.Equal(new[] { priyaId, samId }.Order(), firstRung.Order());
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "assessment.escalate" && e.RecordId == id)));
        Assert.Equal("level 1", await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "assessment.escalate" && e.RecordId == id)
            .Select(e => e.Detail).SingleAsync()));

        // The second rung (the safeguarding leads) four working hours after the due time, once.
        var next = await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == new AssessmentId(id)).Select(a => a.NextEscalationAt).SingleAsync());
        Assert.Equal(TestClock.London(2026, 6, 10, 13, 0), next);
        await SweepAsync(next!.Value);
        await SweepAsync(next.Value.AddMinutes(5));
        var secondRung = (await ToldAsync(id)).Except(firstRung).ToList();
        Assert.Contains(morganId, secondRung);
        Assert.Equal(secondRung.Count, secondRung.Distinct().Count());
        Assert.Equal(firstRung.Count + secondRung.Count, (await ToldAsync(id)).Count);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "assessment.escalate" && e.RecordId == id)));

        // Late: shown as overdue with its rung, on the lead's list and their manager's.
        factory.Clock.Set(TestClock.London(2026, 6, 10, 14, 0));
        var late = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal((true, 2), (late.GetProperty("isOverdue").GetBoolean(), late.GetProperty("escalationLevel").GetInt32()));
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var teamList = await manager.GetFromJsonAsync<JsonElement>("/api/v1/assessments/overdue");
        Assert.Contains(teamList.GetProperty("team").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);

        // Cannot complete late without a reason.
        var version = late.GetProperty("version").GetInt32();
        var noReason = await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("was due by 9 June 2026", (await noReason.JsonAsync()).GetProperty("errors").GetProperty("lateReason")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version, lateReason = LateReason })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = version + 1 })).StatusCode);

        var done = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal(("Authorised", LateReason, false), (done.GetProperty("status").GetString(), done.GetProperty("lateReason").GetString(),
            done.GetProperty("isOverdue").GetBoolean()));
        Assert.Equal(0, await SweepAsync(TestClock.London(2026, 6, 30, 9, 0)));
        Assert.DoesNotContain((await manager.GetFromJsonAsync<JsonElement>("/api/v1/assessments/overdue")).GetProperty("team").EnumerateArray(),
            x => x.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Submitted_in_time_but_authorised_late_the_manager_must_give_the_reason()
    {
        factory.Clock.Set(TestClock.London(2026, 4, 2, 10, 0));
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var child = await sam.CreateChildAsync();
        var referral = await ReferralAsync(child);
        var started = await sam.PostAsJsonAsync($"/api/v1/people/{child}/assessments",
            new { type = "ChildAndFamily", basis = "Section47", referralId = referral });
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"/api/v1/assessments/{id}", Sections(1))).StatusCode);
        factory.Clock.Set(TestClock.London(2026, 6, 9, 15, 0));
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = 2 })).StatusCode);

        factory.Clock.Set(TestClock.London(2026, 6, 11, 10, 0));
        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var noReason = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise", new { version = 3 });
        var withReason = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/authorise",
            new { version = 3, lateReason = "Authorisation waited two days for the manager's return from leave." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("lateReason", out _));
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var done = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal(("2026-06-11", "2027-06-11"), (done.GetProperty("completedOn").GetString(),
            done.GetProperty("currency").GetProperty("currentUntil").GetString()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "assessment.authorise" && e.RecordId == id
            && e.Outcome == "refused" && e.Detail == "invalid: LateReason")));
    }
}
