using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Chronology;
using Cairn.Domain.Escalation;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.FrontDoor;

/// <summary>
/// A demo area whose clock stands at 10:00 on the next Tuesday (from the real date) that is a working day followed by
/// another, so due times are known and the demo's involvements (dated from the real date) are current.
/// </summary>
public sealed class FrontDoorFactory : CairnFactory
{
    public static readonly DateTimeOffset TuesdayMorning = NextTuesday();

    public override TestClock Clock { get; } = new(TuesdayMorning);

    private static DateTimeOffset NextTuesday()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Tuesday || !calendar.IsWorkingDay(day) || !calendar.IsWorkingDay(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return TestClock.London(day.Year, day.Month, day.Day, 10, 0);
    }
}

public sealed class FrontDoorTests(FrontDoorFactory factory) : IClassFixture<FrontDoorFactory>
{
    private const string SchoolLead = "kate.collins@cairnmoor.example";
    private const string FrontDoorManager = "ellis.ward@cairnmoor.example";
    private static readonly DateTimeOffset Now = FrontDoorFactory.TuesdayMorning;
    private static DateOnly Today => Now.InLondon();

    /// <summary>A household of a mother and three children; the police officer is involved with the eldest, and the school lead with all three.</summary>
    private async Task<(PersonId Mother, PersonId[] Children)> HouseholdAsync(bool atSchool = true)
    {
        var mother = await factory.PersonAsync("Mother" + Tag(), "Family" + Tag(), new DateOnly(1990, 3, 1), PersonKind.Adult);
        var children = new[]
        {
            await factory.PersonAsync("Eldest" + Tag(), "Family", Today.AddYears(-9)),
            await factory.PersonAsync("Middle" + Tag(), "Family", Today.AddYears(-6)),
            await factory.PersonAsync("Baby" + Tag(), "Family", Today.AddMonths(-8)),
        };
        await factory.WithDbAsync(async db =>
        {
            var household = Household.Start(await factory.DemoAreaIdAsync(), "Family household", mother, Today.AddYears(-2), Today).Value!;
            foreach (var child in children)
            {
                household.Join(child, Today.AddMonths(-6), Today);
            }

            db.Households.Add(household);
            var police = await db.Professionals.SingleAsync(p => p.Email == Accounts.Police);
            db.Involvements.Add(new TeamAroundChild(children[0], []).Add(police.Id, police.AgencyId, InvolvementRole.PoliceOfficer, Today.AddDays(-10), false, police.Id, Today).Value!);
            if (atSchool)
            {
                var dsl = await db.Professionals.SingleAsync(p => p.Email == SchoolLead);
                foreach (var child in children)
                {
                    db.Involvements.Add(new TeamAroundChild(child, []).Add(dsl.Id, dsl.AgencyId, InvolvementRole.DesignatedSafeguardingLead, Today.AddYears(-1), false, dsl.Id, Today).Value!);
                }
            }

            return await db.SaveChangesAsync();
        });
        return (mother, children);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private static async Task<JsonElement> NotifyAsync(HttpClient police, PersonId about, string type = "DomesticAbuse", string? risk = "Medium")
    {
        var response = await police.PostAsJsonAsync("/api/v1/police-notifications", new
        {
            peopleInvolved = new[] { about.Value },
            incidentType = type,
            occurredAt = Now.AddHours(-9),
            risk,
            reference = "CM-" + Tag(),
            concerns = "Officers attended after a neighbour called. Raised voices; the children were upstairs and were seen.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<(HttpClient FrontDoor, Guid Contact, PersonId Child)> ContactAsync()
    {
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var child = await factory.PersonAsync("Contact" + Tag(), "Child", Today.AddYears(-7));
        var response = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new
        {
            childId = child.Value,
            source = "Public",
            anonymous = true,
            concerns = "A neighbour says the child is often left alone in the evenings and is seen outside late.",
            themes = NeglectTheme,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (frontDoor, (await response.JsonAsync()).GetProperty("contacts")[0].GetProperty("id").GetGuid(), child);
    }

    private static readonly string[] StatutoryIndicator = ["S03"];
    private static readonly string[] NeglectTheme = ["Neglect"];

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid contact, string level, string outcome, int version = 1, string[]? indicators = null) =>
        await client.PostAsJsonAsync($"/api/v1/contacts/{contact}/decision", new
        {
            level,
            outcome,
            reasons = "History shows repeated concerns from school and health; this contact adds to them.",
            indicators = indicators ?? StatutoryIndicator,
            version,
        });

    [Fact]
    public async Task A_police_notification_for_a_household_of_three_children_makes_three_linked_contacts_and_tells_the_school()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await factory.ApiAsAsync(Accounts.Police);

        var recorded = await NotifyAsync(police, children[0]);

        var contacts = recorded.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(3, contacts.Count);
        Assert.Equal(children.Select(c => c.Value).Order(), contacts.Select(c => c.GetProperty("childId").GetGuid()).Order());
        var group = recorded.GetProperty("groupId").GetGuid();
        var entry = new ChronologyEntryId(recorded.GetProperty("entryId").GetGuid());
        var saved = await factory.WithDbAsync(db => db.Contacts.Where(c => c.GroupId == group).ToListAsync());
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
            Assert.True(await factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child && s.EntryId == entry && s.Category == ChronologyCategory.FrontDoorContact)));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.receive" && a.PersonId == child.Value)));
        }

        var schoolShare = Assert.Single(recorded.GetProperty("schoolNotifications").EnumerateArray()).GetGuid();
        var share = await factory.WithDbAsync(db => db.Shares.Include(s => s.Children).SingleAsync(s => s.Id == new ShareId(schoolShare)));
        Assert.Equal(await factory.ProfessionalOfAsync(SchoolLead), share.RecipientProfessional);
        Assert.Equal(Urgency.BeforeNextSchoolDay, share.Urgency);
        Assert.Equal(ShareKind.PoliceNotification, share.Kind);
        Assert.Equal(3, share.Children.Count);
        // Before the next school day: Wednesday at 09:00.
        Assert.Equal(TestClock.London(Today.Year, Today.Month, Today.Day, 9, 0).AddDays(1), share.ReceiptDueAt);
        var lead = await factory.ProfessionalOfAsync(SchoolLead);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/shares/{schoolShare}")));
    }

    [Fact]
    public async Task An_incident_that_is_not_domestic_abuse_sends_no_school_notification()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await factory.ApiAsAsync(Accounts.Police);

        var recorded = await NotifyAsync(police, children[0], "MissingChild", null);

        Assert.Equal(3, recorded.GetProperty("contacts").GetArrayLength());
        Assert.Empty(recorded.GetProperty("schoolNotifications").EnumerateArray());
    }

    [Fact]
    public async Task A_domestic_abuse_notification_without_a_DASH_risk_is_refused_and_nothing_is_saved()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await factory.ApiAsAsync(Accounts.Police);
        var before = await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[1]));

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
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[1])));
    }

    [Fact]
    public async Task Only_the_police_and_the_front_door_record_police_notifications_and_only_about_people_they_can_see()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var body = new { peopleInvolved = new[] { children[0].Value }, incidentType = "Neglect", occurredAt = Now.AddHours(-1), reference = "CM-2", concerns = "Children found alone at home." };

        var uninvolved = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.PostAsJsonAsync("/api/v1/police-notifications", body)).StatusCode);

        // The school lead can open the child's record but is not the police.
        var school = await factory.ApiAsAsync(SchoolLead);
        var refused = await school.PostAsJsonAsync("/api/v1/police-notifications", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[0])));

        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.Created, (await frontDoor.PostAsJsonAsync("/api/v1/police-notifications", body)).StatusCode);
    }

    [Fact]
    public async Task Only_the_front_door_records_contacts_and_an_anonymous_professional_is_refused()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var police = await factory.ApiAsAsync(Accounts.Police);
        var body = new { childId = children[0].Value, source = "Public", anonymous = true, concerns = "Worried about the children." };
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync("/api/v1/contacts", body)).StatusCode);

        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var anonymousSchool = await frontDoor.PostAsJsonAsync("/api/v1/contacts", body with { source = "School" });
        Assert.Equal(HttpStatusCode.BadRequest, anonymousSchool.StatusCode);
        Assert.True((await anonymousSchool.JsonAsync()).GetProperty("errors").TryGetProperty("anonymous", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Contacts.CountAsync(c => c.ChildId == children[0])));

        var household = await frontDoor.PostAsJsonAsync("/api/v1/contacts", new { childId = children[0].Value, source = "Public", anonymous = true, concerns = "Worried about all the children.", includeHouseholdChildren = true });
        Assert.Equal(HttpStatusCode.Created, household.StatusCode);
        Assert.Equal(3, (await household.JsonAsync()).GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task Triage_needs_a_managers_sign_off_by_someone_else_and_a_strategy_discussion_follows()
    {
        factory.Clock.Set(Now);
        var (frontDoor, contact, child) = await ContactAsync();

        var unknownIndicator = await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion", indicators: ["NOPE"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownIndicator.StatusCode);
        var mismatch = await DecideAsync(frontDoor, contact, "Universal", "StrategyDiscussion");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion", version: 7)).StatusCode);

        var decided = await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion");
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("AwaitingSignOff", (await decided.JsonAsync()).GetProperty("status").GetString());

        // The decision maker cannot sign off their own decision; a manager outside the front door cannot either.
        Assert.Equal(HttpStatusCode.BadRequest, (await frontDoor.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);
        var otherManager = await factory.ApiAsAsync(Accounts.TeamManager);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);

        var manager = await factory.ApiAsAsync(FrontDoorManager);
        var signed = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2, note = "Agreed." });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var discussionId = (await signed.JsonAsync()).GetProperty("strategyDiscussionId").GetGuid();
        var view = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal("Decided", view.GetProperty("status").GetString());
        Assert.Equal("Ellis Ward", view.GetProperty("signedOffBy").GetString());
        Assert.Equal("S03", view.GetProperty("indicators")[0].GetProperty("code").GetString());
        Assert.True(await factory.WithDbAsync(db => db.ChronologySubjects.AnyAsync(s => s.PersonId == child && s.Category == ChronologyCategory.Decision)));

        // A section 47 enquiry cannot be recorded before the strategy discussion decides on one (L17).
        var worker = await factory.ApiAsAsync(Accounts.FrontDoor);
        var early = await worker.PostAsJsonAsync($"/api/v1/people/{child.Value}/legal-status", new { kind = "Section47Enquiry", from = Today, reason = "Enquiry starting", currentStatusId = (Guid?)null });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var noPolice = await frontDoor.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}", new
        {
            heldAt = Now.AddMinutes(-30),
            byPhone = true,
            attendees = new[] { new { name = "Jordan Lee", agency = "ChildrensSocialCare", role = "Front door social worker" }, new { name = "Nadia Hussain", agency = "HealthVisiting", role = "Health visitor" } },
            startSection47 = true,
            decision = "Section 47 enquiry to start today; joint visit with police this afternoon.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, noPolice.StatusCode);
        Assert.Contains("police", (await noPolice.JsonAsync()).GetProperty("errors").GetProperty("attendees")[0].GetString());

        var held = await frontDoor.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussionId}", new
        {
            heldAt = Now.AddMinutes(-30),
            byPhone = true,
            attendees = new[]
            {
                new { name = "Jordan Lee", agency = "ChildrensSocialCare", role = "Front door social worker" },
                new { name = "DC Chris Barnes", agency = "Police", role = "Detective constable" },
                new { name = "Nadia Hussain", agency = "HealthVisiting", role = "Health visitor" },
            },
            startSection47 = true,
            decision = "Section 47 enquiry to start today; joint visit with police this afternoon.",
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var status = await factory.WithDbAsync(db => db.LegalStatuses.SingleAsync(l => l.ChildId == child && l.To == null));
        Assert.Equal(LegalStatusKind.Section47Enquiry, status.Kind);
    }

    [Fact]
    public async Task A_returned_decision_goes_back_to_the_front_door_with_its_history()
    {
        factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(frontDoor, contact, "EarlyHelp", "NoFurtherAction", indicators: ["EH03"])).StatusCode);
        var manager = await factory.ApiAsAsync(FrontDoorManager);

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/return", new { version = 2 })).StatusCode);
        var returned = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/return", new { version = 2, note = "Look again at the school's attendance concerns." });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var view = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}");
        Assert.Equal("AwaitingDecision", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("outcome").ValueKind);
        Assert.Contains(view.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ReturnedByManager"
            && e.GetProperty("note").GetString()!.Contains("attendance concerns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assessment_outcome_makes_the_child_a_child_in_need_but_never_lowers_a_plan()
    {
        factory.Clock.Set(Now);
        var (frontDoor, contact, child) = await ContactAsync();
        await DecideAsync(frontDoor, contact, "Targeted", "Assessment", indicators: ["T01"]);
        var manager = await factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);
        Assert.Equal(LegalStatusKind.ChildInNeed, await factory.WithDbAsync(db => db.LegalStatuses.Where(l => l.ChildId == child && l.To == null).Select(l => l.Kind).SingleAsync()));

        var (_, second, planned) = await ContactAsync();
        var by = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        await factory.WithDbAsync(db =>
        {
            db.LegalStatuses.Add(LegalStatus.Change(null, planned, LegalStatusKind.ChildProtectionPlan, ChildProtectionCategory.Neglect, Today.AddMonths(-2), "Conference", by, Now).Value!);
            return db.SaveChangesAsync();
        });
        await DecideAsync(frontDoor, second, "Targeted", "Assessment", indicators: ["T01"]);
        var signed = await manager.PostAsJsonAsync($"/api/v1/contacts/{second}/sign-off", new { version = 2 });
        Assert.Contains("stays", (await signed.JsonAsync()).GetProperty("legalStatusNote").GetString());
        Assert.Equal(LegalStatusKind.ChildProtectionPlan, await factory.WithDbAsync(db => db.LegalStatuses.Where(l => l.ChildId == planned && l.To == null).Select(l => l.Kind).SingleAsync()));
    }

    [Fact]
    public async Task A_triage_decision_overdue_at_one_working_day_escalates_once_then_up_the_ladder()
    {
        factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var id = new ContactId(contact);
        var due = await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == id).Select(c => c.DecisionDueAt).SingleAsync());
        Assert.Equal(TestClock.London(Today.Year, Today.Month, Today.Day, 17, 0).AddDays(1), due);

        await SweepAsync(due.AddMinutes(-1));
        Assert.Equal(0, await EscalationsAsync(id));

        await SweepAsync(due);
        await SweepAsync(due.AddMinutes(10));
        Assert.Equal(1, await EscalationsAsync(id));
        var manager = await factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProfessionalId == manager && n.Link == $"/contacts/{contact}" && n.Kind == "contact.escalated")));

        // Rung 2 (safeguarding leads) is 4 working hours after the due time: Thursday 13:00.
        await SweepAsync(due.AddHours(20));
        Assert.Equal(2, await EscalationsAsync(id));
        var lead = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == lead && n.Link == $"/contacts/{contact}")));
    }

    [Fact]
    public async Task A_signed_off_contact_never_escalates()
    {
        factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        await DecideAsync(frontDoor, contact, "Universal", "NoFurtherAction", indicators: ["U04"]);
        var manager = await factory.ApiAsAsync(FrontDoorManager);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2 })).StatusCode);

        await SweepAsync(Now.AddDays(7));

        Assert.Equal(0, await EscalationsAsync(new ContactId(contact)));
    }

    [Fact]
    public async Task The_whole_picture_shows_siblings_alerts_and_previous_contacts_and_the_referrer_only_to_those_who_may_know()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        await factory.AlertAsync(children[2], Accounts.FrontDoor, "Bruising seen on the baby's arm");
        var police = await factory.ApiAsAsync(Accounts.Police);
        var first = await NotifyAsync(police, children[0], "Neglect", null);
        var second = await NotifyAsync(police, children[0], "DomesticAbuse", "High");
        var contact = second.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == children[0].Value).GetProperty("id").GetGuid();

        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var picture = await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/picture");
        var byChild = picture.GetProperty("children").EnumerateArray().ToDictionary(p => p.GetProperty("childId").GetGuid());
        Assert.Equal(3, byChild.Count);
        Assert.True(byChild[children[0].Value].GetProperty("isSubject").GetBoolean());
        Assert.Contains(byChild[children[2].Value].GetProperty("alerts").EnumerateArray(), a => a.GetProperty("risk").GetString() == "Bruising seen on the baby's arm");
        var previous = byChild[children[0].Value].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("childId").GetGuid() == children[0].Value).GetProperty("id").GetGuid(), previous);
        Assert.DoesNotContain(contact, previous);
        Assert.Contains(byChild[children[1].Value].GetProperty("events").EnumerateArray(), e => e.GetProperty("summary").GetString()!.StartsWith("Police notification", StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.picture" && a.PersonId == children[2].Value)));

        Assert.Equal("DC Chris Barnes", (await frontDoor.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}")).GetProperty("referrer").GetProperty("name").GetString());
        // The school lead may open the child's record, and sees the contact, but not who made it.
        var school = await factory.ApiAsAsync(SchoolLead);
        Assert.Equal(JsonValueKind.Null, (await school.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}")).GetProperty("referrer").ValueKind);
        var uninvolved = await factory.ApiAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/contacts/{contact}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/v1/contacts/{contact}/picture")).StatusCode);
    }

    [Fact]
    public async Task The_front_door_queue_counts_open_contacts_by_status_and_age_for_the_front_door_only()
    {
        factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);

        var queue = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/front-door/queue?status=AwaitingDecision");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == contact);
        Assert.True(queue.GetProperty("counts").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "AwaitingDecision" && c.GetProperty("age").GetString() == "UnderFourHours")
            .Sum(c => c.GetProperty("count").GetInt32()) >= 1);

        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/front-door/queue")).StatusCode);
    }

    [Fact]
    public async Task The_threshold_document_is_data_that_safeguarding_leads_publish_in_editions()
    {
        var frontDoor = await factory.ApiAsAsync(Accounts.FrontDoor);
        var document = await frontDoor.GetFromJsonAsync<JsonElement>("/api/v1/threshold-document");
        Assert.Equal("Universal,EarlyHelp,Targeted,Statutory", string.Join(',', document.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString())));
        var edition = document.GetProperty("edition").GetInt32();
        // Keep every indicator (other tests cite them) and add one.
        var lines = document.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "EarlyHelp").GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("text").GetString() + (i.GetProperty("theme").GetString() is { } t && t != "None" ? $" [{t}]" : "")).ToList();
        var change = new { descriptor = "Additional needs met by an early help plan.", indicators = string.Join('\n', lines.Append("Parents isolated and struggling [ParentalMentalHealth]")), changeNote = "Partnership review", edition };

        Assert.Equal(HttpStatusCode.Forbidden, (await frontDoor.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change)).StatusCode);
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var bad = await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change with { indicators = "Something [NotATheme]" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var published = await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var now = await published.JsonAsync();
        Assert.Equal(edition + 1, now.GetProperty("edition").GetInt32());
        var earlyHelp = now.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "EarlyHelp");
        var codes = earlyHelp.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(lines.Count + 1, codes.Count);
        Assert.Equal("EH01", codes[0]);
        Assert.Equal($"EH{lines.Count + 1:00}", codes[^1]);

        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync("/api/v1/threshold-document/levels/EarlyHelp", change)).StatusCode);
    }

    [Fact]
    public async Task The_triage_page_shows_the_whole_picture_and_refuses_a_decision_without_reasons_with_an_error_summary()
    {
        factory.Clock.Set(Now);
        var (_, contact, _) = await ContactAsync();
        var browser = await factory.SignedInAsAsync(Accounts.FrontDoor);

        var page = await browser.GetStringAsync($"/contacts/{contact}");
        Assert.Contains("The whole picture", page);
        Assert.Contains("Make the decision", page);

        var form = await Clients.FormAsync(browser, $"/contacts/{contact}", new()
        {
            ["Input.Version"] = "1",
            ["Input.Level"] = "EarlyHelp",
            ["Input.Outcome"] = "EarlyHelp",
            ["Input.Indicators"] = "EH01",
            ["Input.Reasons"] = "",
        });
        var response = await browser.PostAsync($"/contacts/{contact}/decide", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("Enter the reasons for the decision", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(ContactStatus.AwaitingDecision, await factory.WithDbAsync(db => db.Contacts.Where(c => c.Id == new ContactId(contact)).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Front_door_pages_answer_their_users_and_refuse_others()
    {
        factory.Clock.Set(Now);
        var (_, children) = await HouseholdAsync();
        var frontDoor = await factory.SignedInAsAsync(Accounts.FrontDoor);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync($"/people/{children[0].Value}/contacts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/front-door/threshold")).StatusCode);

        var police = await factory.SignedInAsAsync(Accounts.Police);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/people/{children[0].Value}/police-notifications/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await police.GetAsync($"/people/{children[0].Value}/contacts/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await police.GetAsync("/front-door")).StatusCode);
    }

    [Fact]
    public async Task An_overdue_strategy_discussion_escalates_once_at_the_due_time_again_at_the_next_rung_and_shows_on_the_queue()
    {
        var id = await StrategyDiscussionRequiredAsync();
        var required = await factory.WithDbAsync(db => db.StrategyDiscussions.SingleAsync(d => d.Id == id));
        Assert.Equal(required.DueAt, required.NextEscalationAt);

        async Task<(int Level, int Told)> SweepDiscussionsAsync(DateTimeOffset at)
        {
            factory.Clock.Set(at);
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().EscalateStrategyDiscussionsAsync(at);
            var level = await factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.EscalationLevel).SingleAsync());
            var told = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "strategy-discussion.escalated" && n.Link == $"/strategy-discussions/{id.Value}"));
            return (level, told);
        }

        Assert.Equal((0, 0), await SweepDiscussionsAsync(required.DueAt.AddMinutes(-1)));
        var first = await SweepDiscussionsAsync(required.DueAt);
        Assert.Equal(1, first.Level);
        Assert.True(first.Told > 0);
        var managerId = await factory.ProfessionalOfAsync(FrontDoorManager);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == managerId && n.Kind == "strategy-discussion.escalated")));
        // A repeated sweep before the next rung changes nothing.
        Assert.Equal(first, await SweepDiscussionsAsync(required.DueAt.AddMinutes(5)));
        var next = await factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.NextEscalationAt).SingleAsync());
        Assert.NotNull(next);
        Assert.Equal(first, await SweepDiscussionsAsync(next!.Value.AddMinutes(-1)));
        var second = await SweepDiscussionsAsync(next.Value);
        Assert.Equal(2, second.Level);
        Assert.True(second.Told > first.Told);
        Assert.Equal(second, await SweepDiscussionsAsync(next.Value.AddMinutes(1)));

        var queue = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync("/front-door");
        Assert.Contains($"/strategy-discussions/{id.Value}", queue, StringComparison.Ordinal);
        Assert.Contains("Overdue, level 2", queue, StringComparison.Ordinal);
        Assert.Matches("strategy discussions? (is|are) overdue", queue);
        // The discussion's own page and the API say how far it has climbed.
        var page = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetStringAsync($"/strategy-discussions/{id.Value}");
        Assert.Contains("Overdue, escalation level 2", page, StringComparison.Ordinal);
        factory.Clock.Set(Now);
        var api = await (await factory.ApiAsAsync(Accounts.FrontDoor)).GetFromJsonAsync<JsonElement>($"/api/v1/strategy-discussions/{id.Value}");
        Assert.Equal(2, api.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task A_strategy_discussion_escalated_by_one_sweep_is_not_escalated_again_by_a_sweep_that_read_it_before()
    {
        var id = await StrategyDiscussionRequiredAsync();

        // A slow sweep has read the discussion; a faster one escalates it meanwhile.
        await using var slow = factory.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<CairnDbContext>();
        var stale = await slowDb.StrategyDiscussions.SingleAsync(d => d.Id == id);
        var due = stale.DueAt;
        await using (var fast = factory.Services.CreateAsyncScope())
        {
            Assert.True(await fast.ServiceProvider.GetRequiredService<FrontDoorSweep>().EscalateStrategyDiscussionsAsync(due) >= 1);
        }

        Assert.NotNull(stale.Sweep(due, EscalationLadder.Default, new WorkingCalendar(EnglandAndWales.BankHolidays)));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slowDb.SaveChangesAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == id).Select(d => d.EscalationLevel).SingleAsync()));
        factory.Clock.Set(Now);
    }

    [Fact]
    public async Task The_area_sets_its_strategy_discussion_timescale_and_only_discussions_required_after_the_change_follow_it()
    {
        var calendar = new WorkingCalendar(EnglandAndWales.BankHolidays);
        var before = await StrategyDiscussionRequiredAsync();
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var current = await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales");
        Assert.Equal((1, 1, true), (current.GetProperty("strategyDiscussionWorkingDays").GetInt32(), current.GetProperty("triageDecisionWorkingDays").GetInt32(),
            current.GetProperty("isDefault").GetBoolean()));
        var version = current.GetProperty("version").GetInt32();
        var area = await factory.WithDbAsync(db => db.Areas.Select(a => a.Id).SingleAsync());
        Task<int> ChangesAuditedAsync() => factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "front-door-timescales.change"));
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
                var other = await factory.ApiAsAsync(refusedRole);
                Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/front-door/timescales")).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/v1/front-door/timescales", new { strategyDiscussionWorkingDays = 3, version })).StatusCode);
            }

            Assert.Equal(1, (await lead.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("strategyDiscussionWorkingDays").GetInt32());
            Assert.False(await factory.WithDbAsync(db => db.FrontDoorTimescales.AnyAsync(t => t.AreaId == area)));
            Assert.Equal(audited, await ChangesAuditedAsync());

            // Another area's timescale is its own: it changes nothing here.
            await factory.WithDbAsync(db =>
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
            var leadId = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
            var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "front-door-timescales.change").OrderByDescending(a => a.Sequence).FirstAsync());
            Assert.Equal((leadId.Value, "strategy-discussion-working-days 1->3"), (entry.ActorId!.Value, entry.Detail));
            Assert.Equal(audited + 1, await ChangesAuditedAsync());
            // An administrator may change them too.
            var admin = await factory.ApiAsAsync(Accounts.Administrator);
            Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/front-door/timescales")).GetProperty("strategyDiscussionWorkingDays").GetInt32());

            var after = await StrategyDiscussionRequiredAsync();
            var discussions = await factory.WithDbAsync(db => db.StrategyDiscussions.Where(d => d.Id == before || d.Id == after).ToDictionaryAsync(d => d.Id));
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
        var refusedPage = await (await factory.SignedInAsAsync(Accounts.FrontDoor)).GetAsync("/front-door/timescales");
        Assert.NotEqual(HttpStatusCode.OK, refusedPage.StatusCode);
        Assert.DoesNotContain("Working days to hold a strategy discussion in", await refusedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var admin = await factory.SignedInAsAsync(Accounts.Administrator);
        var html = await admin.GetStringAsync("/front-door/timescales");
        Assert.Contains("Working days to hold a strategy discussion in", html, StringComparison.Ordinal);
        var area = await factory.WithDbAsync(db => db.Areas.Select(a => a.Id).SingleAsync());
        async Task<int> VersionAsync() =>
            await factory.WithDbAsync(db => db.FrontDoorTimescales.Where(t => t.AreaId == area).Select(t => (int?)t.Version).SingleOrDefaultAsync()) ?? 0;
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
        var frontDoor = await factory.SignedInAsAsync(Accounts.FrontDoor);
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

    /// <summary>A contact decided as needing a strategy discussion and signed off: the discussion it requires.</summary>
    private async Task<StrategyDiscussionId> StrategyDiscussionRequiredAsync()
    {
        factory.Clock.Set(Now);
        var (frontDoor, contact, _) = await ContactAsync();
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(frontDoor, contact, "Statutory", "StrategyDiscussion")).StatusCode);
        var signed = await (await factory.ApiAsAsync(FrontDoorManager)).PostAsJsonAsync($"/api/v1/contacts/{contact}/sign-off", new { version = 2, note = "Agreed." });
        var id = new StrategyDiscussionId((await signed.JsonAsync()).GetProperty("strategyDiscussionId").GetGuid());
        return id;
    }

    private async Task SweepAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FrontDoorSweep>().RunAsync(now);
    }

    private Task<int> EscalationsAsync(ContactId id) =>
        factory.WithDbAsync(db => db.ContactEvents.CountAsync(e => e.ContactId == id && e.Kind == ContactEventKind.Escalated));
}
