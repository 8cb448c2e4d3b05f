using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.Shares;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Shares;

/// <summary>A demo area whose clock the tests control: it starts on Friday 28 August 2026, the day before the summer bank holiday weekend.</summary>
public sealed class FollowThroughFactory : CairnFactory
{
    public static readonly DateTimeOffset FridayTea = TestClock.London(2026, 8, 28, 16, 55);

    public override TestClock Clock { get; } = new(FridayTea);
}

public sealed class FollowThroughTests(FollowThroughFactory factory) : IClassFixture<FollowThroughFactory>
{
    private const string EmergencyDuty = "robin.hart@cairnmoor.example";

    private async Task<(Guid Agency, Guid Team)> FrontDoorAsync() =>
        await factory.WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(t => t.Name == "Front Door (MASH)");
            return (team.AgencyId.Value, team.Id.Value);
        });

    private async Task<(HttpClient Police, Guid Child, Guid Share)> SendAsync(string urgency = "WithinWorkingDays", int? days = 1, bool toTeam = true,
        string? toAgency = null)
    {
        var police = await factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var (agency, team) = await FrontDoorAsync();
        if (toAgency is not null)
        {
            agency = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == toAgency).Select(a => a.Id.Value).SingleAsync());
        }

        var response = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = agency,
            recipientTeamId = toTeam && toAgency is null ? team : (Guid?)null,
            childIds = new[] { child },
            urgency,
            workingDays = days,
            subject = "Child present at a domestic incident",
            message = "Officers attended the family home at 16:20. The child was present and distressed.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (police, child, (await response.JsonAsync()).GetProperty("id").GetGuid());
    }

    private async Task<SweepResult> SweepAsync(DateTimeOffset now, string holder = "test-node")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShareSweep>().RunAsync(now, holder);
    }

    private Task<List<ShareEvent>> EscalationsAsync(Guid share) =>
        factory.WithDbAsync(db => db.ShareEvents.Where(e => e.ShareId == new ShareId(share) && e.Kind == ShareEventKind.Escalated).ToListAsync());

    [Fact]
    public async Task A_share_sent_Friday_1655_before_a_bank_holiday_Monday_is_due_on_Tuesday()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);

        var (police, _, id) = await SendAsync(days: 1);
        var share = await police.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");

        Assert.Equal(TestClock.London(2026, 9, 1, 17, 0), share.GetProperty("receiptDueAt").GetDateTimeOffset());
        Assert.Equal(TestClock.London(2026, 9, 1, 17, 0), share.GetProperty("actionDueAt").GetDateTimeOffset());
        Assert.Equal("Delivered", share.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_front_door_confirms_receipt_and_records_the_action_and_the_officer_sees_it_done()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, child, id) = await SendAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var inbox = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        var received = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var actioned = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/action", new { version = 2, text = "Contact opened at the front door; strategy discussion arranged" });
        Assert.Equal(HttpStatusCode.OK, actioned.StatusCode);

        var seen = await police.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");
        Assert.Equal("Actioned", seen.GetProperty("status").GetString());
        Assert.Equal("Jordan Lee", seen.GetProperty("receivedBy").GetString());
        Assert.Equal("Contact opened at the front door; strategy discussion arranged", seen.GetProperty("outcome").GetString());
        var officer = await factory.ProfessionalIdAsync(Accounts.Police);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == new ProfessionalId(officer) && n.Link == $"/shares/{id}" && n.Kind == "share.action")));
        var steps = await factory.WithDbAsync(db => db.ChronologySubjects.Where(s => s.PersonId == new PersonId(child) && s.Category == ChronologyCategory.InformationShared).CountAsync());
        Assert.Equal(3, steps);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "share.receive" && a.PersonId == child && a.RecordId == id)));
    }

    [Fact]
    public async Task The_team_box_lists_open_shares_most_urgent_then_soonest_due_by_the_running_clock_and_drops_them_when_done()
    {
        // Receipt is due at the next working day's close: the share sent a day earlier is due a day sooner.
        factory.Clock.Set(TestClock.London(2026, 9, 8, 10, 0));
        var (_, _, soon) = await SendAsync(days: 5);
        factory.Clock.Set(TestClock.London(2026, 9, 9, 10, 0));
        var (_, _, slow) = await SendAsync(days: 2);
        var (_, _, urgent) = await SendAsync(urgency: "SameWorkingDay", days: null);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        async Task<List<(Guid Id, string Urgency, DateTimeOffset Due)>> TeamBoxAsync() =>
            (await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team")).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("urgency").GetString()!, i.GetProperty("dueAt").GetDateTimeOffset())).ToList();

        var box = await TeamBoxAsync();
        var mine = box.Where(i => i.Id == slow || i.Id == soon || i.Id == urgent).Select(i => i.Id).ToList();
        Assert.Equal([urgent, soon, slow], mine);
        // The whole box, whatever else other tests sent to it, is in urgency order, then due order within an urgency.
        var ranks = new[] { "Immediate", "SameWorkingDay", "WithinWorkingDays", "BeforeNextSchoolDay" };
        Assert.Equal(box.OrderBy(i => Array.IndexOf(ranks, i.Urgency)).ThenBy(i => i.Due).Select(i => i.Id), box.Select(i => i.Id));

        // Receipt starts the action clock: the box now shows the action's due time, which is the share's own.
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/shares/{soon}/receive", new { version = 1 })).StatusCode);
        var share = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{soon}");
        Assert.Equal(share.GetProperty("actionDueAt").GetDateTimeOffset(), (await TeamBoxAsync()).Single(i => i.Id == soon).Due);

        // Done is out of the box.
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.PostAsJsonAsync($"/api/v1/shares/{soon}/action", new { version = 2, text = "Checked and recorded" })).StatusCode);
        Assert.DoesNotContain(await TeamBoxAsync(), i => i.Id == soon);
    }

    [Fact]
    public async Task A_share_to_a_whole_agency_escalates_to_its_front_door_managers_not_to_every_manager_in_it()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1, toTeam: false);
        await SweepAsync(TestClock.London(2026, 9, 1, 17, 3), holder: "agency-node");

        var told = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/shares/{id}" && n.Kind == "share.escalated")
            .Select(n => n.ProfessionalId).ToListAsync());
        var frontDoorManager = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id).SingleAsync());
        var officer = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.Police));
        var assessmentManager = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.TeamManager));
        Assert.Equal(new[] { frontDoorManager, officer }.Select(p => p.Value).Order(), told.Select(p => p.Value).Order());
        Assert.DoesNotContain(assessmentManager, told);
    }

    [Fact]
    public async Task A_share_to_an_agency_with_no_front_door_escalates_at_once_to_the_safeguarding_leads()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1, toTeam: false, toAgency: "Cairnmoor Housing");
        await SweepAsync(TestClock.London(2026, 9, 1, 17, 30), holder: "housing-node");

        var told = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/shares/{id}" && n.Kind == "share.escalated")
            .Select(n => n.ProfessionalId).ToListAsync());
        var lead = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.SafeguardingLead));
        var officer = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.Police));
        Assert.Equal(new[] { lead, officer }.Select(p => p.Value).Order(), told.Select(p => p.Value).Order());
    }

    [Fact]
    public async Task An_unconfirmed_share_escalates_once_at_the_due_time_then_up_the_ladder_and_a_restart_loses_nothing()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync(days: 1);
        var due = TestClock.London(2026, 9, 1, 17, 0);

        await SweepAsync(due.AddMinutes(-1));
        Assert.Empty(await EscalationsAsync(id));

        await SweepAsync(due);
        await SweepAsync(due.AddMinutes(5));
        var first = Assert.Single(await EscalationsAsync(id));
        Assert.Equal(1, first.Level);
        var manager = await factory.WithDbAsync(db => db.Professionals.Where(p => p.Name == "Ellis Ward").Select(p => p.Id).SingleAsync());
        var officer = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.Police));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == manager && n.Link == $"/shares/{id}" && n.Kind == "share.escalated")));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == officer && n.Link == $"/shares/{id}" && n.Kind == "share.escalated")));

        // A new node (nothing in memory) takes over after the first one's lease lapses: rung 2 is 4 working hours after the due time.
        await SweepAsync(TestClock.London(2026, 9, 2, 13, 0), holder: "another-node");
        var escalations = await EscalationsAsync(id);
        Assert.Equal([1, 2], escalations.Select(e => e.Level!.Value).Order());
        var lead = new ProfessionalId(await factory.ProfessionalIdAsync(Accounts.SafeguardingLead));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/shares/{id}")));
    }

    [Fact]
    public async Task Two_sweeps_at_once_escalate_each_share_exactly_once()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await SendAsync(days: 1)).Share);
        }

        // Two sweeps share a holder, so both pass the lease and only the version check stands between them; the
        // third, another node, is kept out by the lease.
        var due = TestClock.London(2026, 9, 1, 17, 0);
        var results = await Task.WhenAll(SweepAsync(due, "node-a"), SweepAsync(due, "node-a"), SweepAsync(due, "node-b"));

        foreach (var id in ids)
        {
            Assert.Equal(1, Assert.Single(await EscalationsAsync(id)).Level);
        }

        Assert.Contains(results, r => !r.HeldLease);
    }

    [Fact]
    public async Task An_urgent_share_arriving_at_the_weekend_waits_with_the_emergency_duty_team_then_reaches_the_day_team()
    {
        factory.Clock.Set(TestClock.London(2026, 8, 29, 11, 0));
        var (_, _, id) = await SendAsync("Immediate", null);
        var edt = await factory.ApiAsAsync(EmergencyDuty);
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var queue = await edt.GetFromJsonAsync<JsonElement>("/api/v1/shares/emergency-duty");
        Assert.Contains(queue.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await edt.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty-note", new { version = 1, text = "Called the police; child safe with grandmother overnight" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.GetAsync("/api/v1/shares/emergency-duty")).StatusCode);

        factory.Clock.Set(TestClock.London(2026, 9, 1, 9, 0));
        var inbox = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/shares?box=Team");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var share = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/shares/{id}");
        Assert.Equal("Called the police; child safe with grandmother overnight", share.GetProperty("emergencyDutyNote").GetString());
        Assert.Equal(TestClock.London(2026, 9, 1, 10, 0), share.GetProperty("receiptDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_sends_nothing()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var stranger = await (await factory.ApiAsAsync(Accounts.SocialWorker)).CreateChildAsync();
        var (agency, _) = await FrontDoorAsync();
        var before = await factory.WithDbAsync(db => db.Shares.CountAsync());
        object Body(Guid agencyId, Guid childId) => new
        {
            kind = "Information",
            recipientAgencyId = agencyId,
            childIds = new[] { childId },
            urgency = "WithinWorkingDays",
            workingDays = 3,
            subject = "School transfer",
            message = "Details of the move.",
        };

        var unknownRecipient = await police.PostAsJsonAsync("/api/v1/shares", Body(Guid.NewGuid(), child));
        var unseenChild = await police.PostAsJsonAsync("/api/v1/shares", Body(agency, stranger));

        Assert.Equal(HttpStatusCode.BadRequest, unknownRecipient.StatusCode);
        Assert.True((await unknownRecipient.JsonAsync()).GetProperty("errors").TryGetProperty("recipientAgencyId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unseenChild.StatusCode);
        Assert.True((await unseenChild.JsonAsync()).GetProperty("errors").TryGetProperty("childIds", out _));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Shares.CountAsync()));
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_always_served_as_downloads()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, _, id) = await SendAsync();

        var exe = new MultipartFormDataContent { { new ByteArrayContent("MZ\u0090\u0000 not a pdf"u8.ToArray()), "file", "report.pdf" } };
        var refused = await police.PostAsync($"/api/v1/shares/{id}/attachments", exe);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[AttachmentPolicy.MaxBytes + 10]), "file", "big.txt" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsync($"/api/v1/shares/{id}/attachments", big)).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ShareAttachments.CountAsync(a => a.ShareId == new ShareId(id))));

        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7\n<html><script>x</script>"u8.ToArray()), "file", "statement.pdf" } };
        var attached = await police.PostAsync($"/api/v1/shares/{id}/attachments", pdf);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var attachment = (await attached.JsonAsync()).GetProperty("id").GetGuid();

        var download = await (await factory.ApiAsAsync(Accounts.FrontDoor)).GetAsync($"/api/v1/shares/{id}/attachments/{attachment}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(Accounts.Uninvolved)).GetAsync($"/api/v1/shares/{id}/attachments/{attachment}")).StatusCode);
    }

    [Fact]
    public async Task Nobody_can_confirm_someone_elses_share_and_outsiders_see_nothing()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (police, _, id) = await SendAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        var bySender = await police.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });
        var byOutsider = await outsider.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, bySender.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/shares/{id}")).StatusCode);
        Assert.Equal(ShareStatus.Delivered, await factory.WithDbAsync(db => db.Shares.Where(s => s.Id == new ShareId(id)).Select(s => s.Status).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "share.open" && a.RecordId == id && a.Outcome == "refused")));
    }

    [Fact]
    public async Task A_stale_receipt_is_a_conflict()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/receive", new { version = 1 });

        var again = await frontDoor.PostAsJsonAsync($"/api/v1/shares/{id}/decline", new { version = 1, text = "Not for us" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ShareStatus.Received, await factory.WithDbAsync(db => db.Shares.Where(s => s.Id == new ShareId(id)).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_share_page_shows_the_steps_and_an_empty_action_gets_an_error_summary()
    {
        factory.Clock.Set(FollowThroughFactory.FridayTea);
        var (_, _, id) = await SendAsync();
        var browser = await factory.SignedInAsAsync(Accounts.FrontDoor);
        var path = $"/shares/{id}";
        await browser.PostAsync($"{path}/Receive", await Clients.FormAsync(browser, path, new() { ["Input.Version"] = "1" }));

        var response = await browser.PostAsync($"{path}/Action", await Clients.FormAsync(browser, path, new() { ["Input.Version"] = "2", ["Input.ActionTaken"] = "" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter what was done or decided", html, StringComparison.Ordinal);
        Assert.Contains("Received", html, StringComparison.Ordinal);
    }
}
