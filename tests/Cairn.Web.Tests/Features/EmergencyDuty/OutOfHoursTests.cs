using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.EmergencyDuty;

/// <summary>A demo area whose clock starts at ten to five on Christmas Eve 2026, the last working day before a four-day break.</summary>
public sealed class OutOfHoursFactory : CairnFactory
{
    public static readonly DateTimeOffset ChristmasEve = TestClock.London(2026, 12, 24, 16, 50);

    public override TestClock Clock { get; } = new(ChristmasEve);
}

/// <summary>
/// Out of hours is real (issue #12, L02), end to end on the database: urgent shares and contacts reach the Emergency Duty
/// Team's queue, a missed acknowledgement climbs to its manager and then to the senior manager on call, and the day team
/// gets the item back at the start of the working day, recorded at that moment.
/// </summary>
public sealed class OutOfHoursTests(OutOfHoursFactory factory) : IClassFixture<OutOfHoursFactory>
{
    private const string EmergencyDuty = "robin.hart@cairnmoor.example";
    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<Guid> SendAsync(string urgency, int? days = null)
    {
        var police = await factory.ApiAsAsync(Accounts.Police);
        var child = await police.CreateChildAsync("PoliceOfficer");
        var team = await factory.WithDbAsync(db => db.Teams.SingleAsync(t => t.Name == "Front Door (MASH)"));
        var response = await police.PostAsJsonAsync("/api/v1/shares", new
        {
            kind = "PoliceNotification",
            recipientAgencyId = team.AgencyId.Value,
            recipientTeamId = team.Id.Value,
            childIds = new[] { child },
            urgency,
            workingDays = days,
            subject = "Child found alone at home",
            message = "Officers found the child alone at home at 16:30. A neighbour is with the child now.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task SweepAsync(DateTimeOffset now)
    {
        factory.Clock.Set(now);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShareSweep>().RunAsync(now, "out-of-hours-node");
        await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().RunAsync(now);
    }

    private async Task<JsonElement> QueueAsync()
    {
        var edt = await factory.ApiAsAsync(EmergencyDuty);
        var response = await edt.GetAsync("/api/v1/emergency-duty");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static bool Holds(JsonElement queue, string list, Guid id) =>
        queue.GetProperty(list).EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);

    private Task<List<Guid>> ToldAsync(string kind, Guid link) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == kind && n.Link.EndsWith(link.ToString()))
            .Join(db.Professionals, n => n.ProfessionalId, p => p.Id, (n, p) => p.Id.Value).ToListAsync());

    private Task<Guid> ProfessionalAsync(string jobTitle) =>
        factory.WithDbAsync(db => db.Professionals.Where(p => p.JobTitle == jobTitle).Select(p => p.Id.Value).SingleAsync());

    private Task<Share> ShareAsync(Guid id) =>
        factory.WithDbAsync(db => db.Shares.AsNoTracking().Include(s => s.Events).SingleAsync(s => s.Id == new ShareId(id)));

    [Fact]
    public async Task An_immediate_share_sent_at_1650_before_Christmas_goes_to_the_EDT_at_1700_escalates_and_is_handed_back_at_0900()
    {
        factory.Clock.Set(OutOfHoursFactory.ChristmasEve);
        var id = await SendAsync("Immediate");
        Assert.Equal(TestClock.London(2026, 12, 29, 9, 50), (await ShareAsync(id)).ReceiptDueAt);

        await SweepAsync(TestClock.London(2026, 12, 24, 16, 59));
        Assert.False(Holds(await QueueAsync(), "shares", id));

        await SweepAsync(TestClock.London(2026, 12, 24, 17, 0));
        var queue = await QueueAsync();
        var held = queue.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("held");
        Assert.Equal(Share.NotReceivedByCloseReason, held.GetProperty("reason").GetString());
        Assert.Equal(TestClock.London(2026, 12, 24, 18, 0), held.GetProperty("acknowledgeDueAt").GetDateTimeOffset());
        Assert.Equal(ShareStatus.WithEmergencyDuty, (await ShareAsync(id)).Status);

        // Not acknowledged within the hour: the EDT manager is told; an hour later, the senior manager on call.
        await SweepAsync(TestClock.London(2026, 12, 24, 18, 0));
        Assert.Equal([await ProfessionalAsync("Emergency Duty Team manager")], await ToldAsync("share.emergency-duty.escalated", id));
        await SweepAsync(TestClock.London(2026, 12, 24, 19, 0));
        Assert.Contains(await ProfessionalAsync("Service manager (on call out of hours)"), await ToldAsync("share.emergency-duty.escalated", id));
        await SweepAsync(TestClock.London(2026, 12, 26, 19, 0));
        Assert.Equal(2, (await ToldAsync("share.emergency-duty.escalated", id)).Count);

        // The break passes with the share on the EDT's queue; at 09:00 on Tuesday it is back with the day team.
        await SweepAsync(TestClock.London(2026, 12, 28, 23, 0));
        Assert.Equal(ShareStatus.WithEmergencyDuty, (await ShareAsync(id)).Status);
        await SweepAsync(TestClock.London(2026, 12, 29, 9, 0));
        var share = await ShareAsync(id);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(TestClock.London(2026, 12, 29, 9, 0), Assert.Single(share.Events, e => e.Kind == ShareEventKind.HandedToDayTeam).At);
        Assert.False(Holds(await QueueAsync(), "shares", id));
    }

    [Theory]
    [InlineData(2026, 12, 4, 2026, 12, 7)] // an ordinary Friday: back on Monday
    [InlineData(2027, 3, 25, 2027, 3, 30)] // before Easter: back on the Tuesday after Easter Monday
    public async Task An_acknowledged_share_is_not_escalated_and_goes_back_with_the_EDT_note_next_working_morning(int y, int m, int d, int by, int bm,
        int bd)
    {
        factory.Clock.Set(TestClock.London(y, m, d, 16, 50));
        var id = await SendAsync("Immediate");
        await SweepAsync(TestClock.London(y, m, d, 17, 0));

        var edt = await factory.ApiAsAsync(EmergencyDuty);
        var version = (await ShareAsync(id)).Version;
        var police = await factory.ApiAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await police.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty/acknowledge", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await edt.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty/acknowledge", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await edt.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty/acknowledge", new { version })).StatusCode);
        factory.Clock.Set(TestClock.London(y, m, d, 21, 0));
        Assert.Equal(HttpStatusCode.OK, (await edt.PostAsJsonAsync($"/api/v1/shares/{id}/emergency-duty-note",
            new { version = version + 1, text = "Visited with police; the child is safe with a neighbour" })).StatusCode);

        await SweepAsync(TestClock.London(y, m, d, 19, 0));
        Assert.Empty(await ToldAsync("share.emergency-duty.escalated", id));
        await SweepAsync(TestClock.London(by, bm, bd, 9, 0));

        var share = await ShareAsync(id);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        var handedBack = Assert.Single(share.Events, e => e.Kind == ShareEventKind.HandedToDayTeam);
        Assert.Equal(TestClock.London(by, bm, bd, 9, 0), handedBack.At);
        Assert.Equal("Visited with police; the child is safe with a neighbour", handedBack.Note);
    }

    [Fact]
    public async Task A_routine_share_sent_at_1650_keeps_its_working_day_clock_and_never_reaches_the_EDT()
    {
        factory.Clock.Set(OutOfHoursFactory.ChristmasEve);
        var id = await SendAsync("WithinWorkingDays", days: 1);

        await SweepAsync(TestClock.London(2026, 12, 24, 17, 0));

        var share = await ShareAsync(id);
        Assert.Equal(ShareStatus.Delivered, share.Status);
        Assert.Equal(TestClock.London(2026, 12, 29, 17, 0), share.ReceiptDueAt);
        Assert.Null(share.NextOutOfHoursAt);
        Assert.False(Holds(await QueueAsync(), "shares", id));
    }

    [Fact]
    public async Task A_Sunday_police_contact_reaches_the_EDT_queue_with_the_whole_picture_and_is_passed_to_the_front_door()
    {
        // Sunday 27 December, in the middle of the break.
        factory.Clock.Set(TestClock.London(2026, 12, 27, 14, 0));
        var child = await factory.PersonAsync("Found" + Tag(), "Alone", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-4),
            involved: Accounts.Police);
        var police = await factory.ApiAsAsync(Accounts.Police);
        var notified = await police.PostAsJsonAsync("/api/v1/police-notifications", new
        {
            peopleInvolved = new[] { child.Value },
            incidentType = "Neglect",
            occurredAt = TestClock.London(2026, 12, 27, 13, 0),
            reference = "CM-" + Tag(),
            concerns = "A four-year-old was found alone outside the family home; no adult answered the door.",
        });
        Assert.Equal(HttpStatusCode.Created, notified.StatusCode);
        var id = (await notified.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();

        var queue = await QueueAsync();
        var held = queue.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(Contact.ReceivedOutOfHoursReason, held.GetProperty("held").GetProperty("reason").GetString());
        Assert.Equal(TestClock.London(2026, 12, 29, 9, 0), held.GetProperty("held").GetProperty("until").GetDateTimeOffset());

        // The EDT sees the child's whole picture; someone with no reason to see it does not see the queue.
        var edt = await factory.ApiAsAsync(EmergencyDuty);
        Assert.Equal(HttpStatusCode.OK, (await edt.GetAsync($"/api/v1/contacts/{id}/picture")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ApiAsAsync(Accounts.SocialWorker)).GetAsync("/api/v1/emergency-duty")).StatusCode);

        // Only the EDT passes it on, and only with a note; a refusal changes nothing.
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await frontDoor.PostAsJsonAsync($"/api/v1/contacts/{id}/emergency-duty/pass", new { note = "Seen", version = 1 })).StatusCode);
        var noNote = await edt.PostAsJsonAsync($"/api/v1/contacts/{id}/emergency-duty/pass", new { protectiveAction = "Police protection", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await noNote.JsonAsync()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.True(Holds(await QueueAsync(), "contacts", id));

        Assert.Equal(HttpStatusCode.OK, (await edt.PostAsJsonAsync($"/api/v1/contacts/{id}/emergency-duty/acknowledge", new { version = 1 })).StatusCode);
        var passed = await edt.PostAsJsonAsync($"/api/v1/contacts/{id}/emergency-duty/pass", new
        {
            protectiveAction = "Police protection used; the child is with her grandmother tonight",
            note = "Grandmother can keep her until Tuesday. Mother not yet found.",
            version = 2,
        });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);

        Assert.False(Holds(await QueueAsync(), "contacts", id));
        var view = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}");
        Assert.Contains("Police protection used", view.GetProperty("emergencyDutyNote").GetString(), StringComparison.Ordinal);
        Assert.Contains(await factory.WithDbAsync(db => db.Professionals.Where(p => p.Email == FrontDoorManager).Select(p => p.Id.Value).SingleAsync()),
            await ToldAsync("contact.edt-passed", id));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "contact.edt-pass" && a.RecordId == id).ToListAsync());
        // The pass, and the two refused attempts before it (not the EDT's; no note), each against the child, never with the text.
        Assert.Equal(child.Value, Assert.Single(audit, a => a.Outcome == "succeeded").PersonId);
        Assert.Equal(2, audit.Count(a => a.Outcome == "refused" && a.PersonId == child.Value));
        Assert.All(audit, a => Assert.DoesNotContain("grandmother", a.Detail ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_urgent_contact_still_undecided_at_the_close_goes_to_the_EDT_and_back_to_the_front_door_at_0900()
    {
        factory.Clock.Set(TestClock.London(2026, 12, 24, 15, 0));
        var child = await factory.PersonAsync("Urgent" + Tag(), "Contact", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-6));
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var recorded = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "School",
            referrerName = "Ms Patel",
            referrerPhone = "01904 000000",
            concerns = "The child says she is afraid to go home tonight.",
            urgency = "SameWorkingDay",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid();
        Assert.False(Holds(await QueueAsync(), "contacts", id));

        await SweepAsync(TestClock.London(2026, 12, 24, 17, 0));
        Assert.True(Holds(await QueueAsync(), "contacts", id));

        await SweepAsync(TestClock.London(2026, 12, 29, 9, 0));
        Assert.False(Holds(await QueueAsync(), "contacts", id));
        var events = await factory.WithDbAsync(db => db.ContactEvents.AsNoTracking()
            .Where(e => e.ContactId == new ContactId(id) && e.Kind == ContactEventKind.HandedToFrontDoor).ToListAsync());
        Assert.Equal(TestClock.London(2026, 12, 29, 9, 0), Assert.Single(events).At);
    }
}
