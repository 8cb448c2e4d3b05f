using System.Net;
using System.Net.Http.Json;
using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Shares;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.FrontDoor;

[Collection(FrontDoorGroup.Name)]
public sealed class RecordPoliceNotificationTests(FrontDoorFactory factory) : FrontDoorScenario(factory)
{
    [Fact]
    public async Task A_police_notification_for_a_household_of_three_children_makes_three_linked_contacts_and_tells_the_school()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await Factory.ApiAsAsync(Accounts.Police);

        var recorded = await NotifyAsync(police, children[0]);

        var contacts = recorded.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(3, contacts.Count);
        Assert.Equal(children.Select(c => c.Value).Order(), contacts.Select(c => c.GetProperty("childId").GetGuid()).Order());
        var group = recorded.GetProperty("groupId").GetGuid();
        var entry = new ChronologyEntryId(recorded.GetProperty("entryId").GetGuid());
        var saved = await Factory.WithDbAsync(db => db.Contacts.Where(c => c.GroupId == group).ToListAsync());
        Assert.All(saved, c =>
        {
            Assert.Equal(entry, c.EntryId);
            Assert.Equal(ContactSource.Police, c.Source);
            Assert.Equal(ContactStatus.AwaitingDecision, c.Status);
            Assert.Equal(IncidentType.DomesticAbuse, c.Incident!.Type);
            Assert.True(c.Themes.HasFlag(Domain.Concerns.ConcernTheme.DomesticAbuse));
            // Received Tuesday 10:00: the decision is due by the close of Wednesday.
            Assert.Equal(TestClock.London(Today.Year, Today.Month, Today.Day, 17, 0).AddDays(1), c.DecisionDueAt);
        });
        foreach (var child in children)
        {
            Assert.True(await Factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child && s.EntryId == entry && s.Category == ChronologyCategory.FrontDoorContact)));
            Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.receive" && a.PersonId == child.Value)));
        }

        var schoolShare = Assert.Single(recorded.GetProperty("schoolNotifications").EnumerateArray()).GetGuid();
        var share = await Factory.WithDbAsync(db => db.Shares.Include(s => s.Children).SingleAsync(s => s.Id == new ShareId(schoolShare)));
        Assert.Equal(await Factory.ProfessionalOfAsync(SchoolLead), share.RecipientProfessional);
        Assert.Equal(Urgency.BeforeNextSchoolDay, share.Urgency);
        Assert.Equal(ShareKind.PoliceNotification, share.Kind);
        Assert.Equal(3, share.Children.Count);
        // Before the next school day: Wednesday at 09:00.
        Assert.Equal(TestClock.London(Today.Year, Today.Month, Today.Day, 9, 0).AddDays(1), share.ReceiptDueAt);
        var lead = await Factory.ProfessionalOfAsync(SchoolLead);
        Assert.True(await Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/shares/{schoolShare}")));
    }

    [Fact]
    public async Task An_incident_that_is_not_domestic_abuse_sends_no_school_notification()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await Factory.ApiAsAsync(Accounts.Police);

        var recorded = await NotifyAsync(police, children[0], "MissingChild", null);

        Assert.Equal(3, recorded.GetProperty("contacts").GetArrayLength());
        Assert.Empty(recorded.GetProperty("schoolNotifications").EnumerateArray());
    }

    [Fact]
    public async Task A_domestic_abuse_notification_without_a_DASH_risk_is_refused_and_nothing_is_saved()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await Factory.ApiAsAsync(Accounts.Police);
        var before = await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[1]));

        var response = await police.PostAsJsonAsync("/api/v1/police-notifications", new
        {
            peopleInvolved = new[] { children[0].Value },
            incidentType = "DomesticAbuse",
            occurredAt = Now.AddHours(-2),
            reference = "CM-1",
            concerns = "Officers attended; the children were present.",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("risk", out _));
        Assert.Equal(before, await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[1])));
    }

    [Fact]
    public async Task Only_the_police_and_the_front_door_record_police_notifications_and_only_about_people_they_can_see()
    {
        Factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var body = new { peopleInvolved = new[] { children[0].Value }, incidentType = "Neglect", occurredAt = Now.AddHours(-1), reference = "CM-2", concerns = "Children found alone at home." };

        var uninvolved = await Factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.PostAsJsonAsync("/api/v1/police-notifications", body)).StatusCode);

        // The school lead can open the child's record but is not the police.
        var school = await Factory.ApiAsAsync(SchoolLead);
        var refused = await school.PostAsJsonAsync("/api/v1/police-notifications", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[0])));

        var frontDoor = await Factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Created, (await frontDoor.PostAsJsonAsync("/api/v1/police-notifications", body)).StatusCode);
    }
}
