using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Background;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Meetings;

/// <summary>
/// Issue #14's scheduling scenarios (L16, L22, L29): each trigger schedules what must follow with its due date counted on the
/// area's calendar, and a conference's decision takes effect through the plan, the legal status and the lead child protection
/// practitioner. The clock is this class's own (<see cref="MeetingClockFactory"/>); each test sets it.
/// </summary>
public sealed class MeetingTriggerTests(MeetingClockFactory factory) : IClassFixture<MeetingClockFactory>
{
    private const string Reasons = "Joint visit with the police; the child's account was consistent with the school's concerns.";

    /// <summary>
    /// A section 47 enquiry started from a strategy discussion held at 09:00 on Thursday 25 March 2027 (the day before Good
    /// Friday), its outcome of continuing risk recorded by the social worker and authorised by the team manager a week later,
    /// all through the API. Returns the enquiry and the authorisation's answer.
    /// </summary>
    private async Task<(Guid Enquiry, System.Text.Json.JsonElement Authorised)> SubstantiatedEnquiryAsync(PersonId child)
    {
        factory.Clock.Set(MeetingClockFactory.ThursdayBeforeGoodFriday);
        var discussion = await factory.DiscussionAsync(child, TestClock.London(2027, 3, 25, 9, 0));
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        var started = await sam.PostAsJsonAsync($"/api/v1/strategy-discussions/{discussion.Value}/section-47-enquiry", new
        {
            leadSocialWorkerId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value,
            policeRole = "Joint investigation: DC Chris Barnes visits with the social worker today.",
            healthRole = "Child protection medical at the district hospital; the GP shares records.",
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();

        factory.Clock.Set(TestClock.London(2027, 4, 1, 10, 0));
        var recorded = await sam.PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/outcome", new
        {
            outcome = "SubstantiatedAtContinuingRisk",
            outcomeOn = new DateOnly(2027, 4, 1),
            outcomeReasons = Reasons,
            conferenceDecidedOn = new DateOnly(2027, 4, 1),
            version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var authorised = await (await factory.ApiAsAsync(Accounts.TeamManager)).PostAsJsonAsync($"/api/v1/section-47-enquiries/{id}/authorise",
            new { version = 2 });
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        return (id, await authorised.JsonAsync());
    }

    [Fact]
    public async Task A_substantiated_enquiry_once_authorised_schedules_the_initial_conference_15_working_days_after_the_strategy_discussion()
    {
        var child = await factory.ChildAsync();

        var (enquiry, authorised) = await SubstantiatedEnquiryAsync(child);

        var conference = Assert.Single(await factory.MeetingsAsync(child));
        // 15 working days from Thursday 25 March 2027, the day itself not counted: Good Friday (26 March) and Easter Monday
        // (29 March) are bank holidays on the area's calendar, so the count starts on Tuesday 30 March and ends on Monday 19 April.
        var calendar = await factory.CalendarAsync();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 29)));
        Assert.Equal((MeetingKind.InitialChildProtectionConference, 1, MeetingTrigger.Section47Enquiry, (Guid?)enquiry),
            (conference.Kind, conference.Number, conference.Trigger, conference.TriggerId));
        Assert.Equal((new DateOnly(2027, 3, 25), (DateOnly?)new DateOnly(2027, 4, 19), (DateTimeOffset?)calendar.CloseOf(new DateOnly(2027, 4, 19))),
            (conference.TriggeredOn, conference.DueOn, conference.DueAt));
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.SocialWorker), conference.OwnerId);
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.TeamManager), conference.CreatedBy);
        Assert.Equal("Initial child protection conference scheduled, due by 19 April 2027", authorised.GetProperty("meetingNote").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "meeting.schedule" && a.RecordId == conference.Id.Value
                                                                                 && a.PersonId == child.Value)));
    }

    [Fact]
    public async Task A_parents_own_adult_services_worker_is_invited_to_the_initial_conference_and_told_by_a_followed_through_share()
    {
        var child = await factory.ChildAsync();
        var parent = await factory.PersonAsync("Parent" + MeetingTestData.Tag(), "Adult", new DateOnly(1990, 1, 1), PersonKind.Adult);
        var worker = await factory.WithDbAsync(db => db.Professionals.AsNoTracking().SingleAsync(p => p.Email == Accounts.Uninvolved));
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        await factory.WithDbAsync(db =>
        {
            var now = factory.Clock.GetUtcNow();
            db.Relationships.Add(Relationship.Record(parent, child, RelationshipType.Parent, null, null, null, admin, now, now.InLondon()).Value!);
            db.AdultWorkers.Add(AdultWorker.Link(parent, true, worker.Id, worker.AgencyId, AdultService.MentalHealth, new DateOnly(2026, 1, 5), false,
                admin, now).Value!);
            return db.SaveChangesAsync();
        });

        await SubstantiatedEnquiryAsync(child);

        var conference = Assert.Single(await factory.MeetingsAsync(child));
        var invited = Assert.Single(conference.Invitees);
        Assert.Equal((MeetingRole.ParentsOwnWorker, (ProfessionalId?)worker.Id, "Parent's own allocated worker (mental health services)"),
            (invited.Role, invited.ProfessionalId, invited.InvitedBecause));
        var share = await factory.WithDbAsync(db => db.Shares.AsNoTracking().SingleAsync(s => s.Id == invited.InvitationShareId));
        Assert.Equal((ShareKind.MeetingInvitation, (ProfessionalId?)worker.Id), (share.Kind, share.RecipientProfessional));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == worker.Id && n.Kind == "share.sent")));
    }

    [Fact]
    public async Task A_conference_starting_a_plan_makes_it_take_effect_a_review_changes_its_category_and_the_next_review_ends_it()
    {
        var child = await factory.ChildAsync();
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        await factory.LegalStatusAsync(child, LegalStatusKind.Section47Enquiry, new DateOnly(2027, 3, 25));
        factory.Clock.Set(TestClock.London(2027, 4, 14, 11, 0));
        var initial = await factory.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1,
            MeetingTrigger.Section47Enquiry, Guid.NewGuid(), new DateOnly(2027, 3, 25), factory.Clock.GetUtcNow()));

        var done = await factory.HoldAsync(initial, new MeetingDecisions
        {
            Plan = PlanDecision.StartChildProtectionPlan,
            Category = ChildProtectionCategory.Neglect,
            LeadPractitioner = sam,
        });

        // Held on Wednesday 14 April 2027: the first core group within 10 working days (Wednesday 28 April), the first review
        // within 3 months (14 July).
        var meetings = await factory.MeetingsAsync(child);
        var coreGroup = Assert.Single(meetings, m => m.Kind == MeetingKind.CoreGroup);
        var review = Assert.Single(meetings, m => m.Kind == MeetingKind.ReviewChildProtectionConference);
        Assert.Equal(((DateOnly?)new DateOnly(2027, 4, 28), (Guid?)initial.Value, 1), (coreGroup.DueOn, coreGroup.TriggerId, coreGroup.Number));
        Assert.Equal(((DateOnly?)new DateOnly(2027, 7, 14), (Guid?)initial.Value, 1), (review.DueOn, review.TriggerId, review.Number));
        var status = await factory.CurrentStatusAsync(child);
        Assert.Equal((LegalStatusKind.ChildProtectionPlan, (ChildProtectionCategory?)ChildProtectionCategory.Neglect, new DateOnly(2027, 4, 14)),
            (status!.Kind, status.Category, status.From));
        var lead = await factory.WithDbAsync(db => db.LeadPractitioners.AsNoTracking().SingleAsync(l => l.ChildId == child));
        Assert.Equal((sam, new DateOnly(2027, 4, 14), (DateOnly?)null, (MeetingId?)initial), (lead.ProfessionalId, lead.From, lead.To, lead.NamedAt));
        var plan = await factory.WithDbAsync(db => db.Plans.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.ChildId == child));
        Assert.Equal((PlanType.ChildProtection, PlanStatus.Draft, (ChildProtectionCategory?)ChildProtectionCategory.Neglect, sam),
            (plan.Type, plan.Status, plan.Category, plan.LeadId));
        Assert.Equal([PlanSectionKind.Outcome, PlanSectionKind.ChildsView, PlanSectionKind.FamilysView],
            plan.Draft!.Sections.Select(s => s.Kind));
        Assert.Contains("Child protection plan started as a draft for the core group to develop", done);
        Assert.Contains("Core group meeting scheduled, due by 28 April 2027", done);
        foreach (var action in new[] { "legal-status.change", "lead-practitioner.name", "plan.start", "meeting.schedule" })
        {
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.PersonId == child.Value)), action);
        }

        // The first review continues the plan under another category: the legal status records it; the next review is 6 months on.
        factory.Clock.Set(TestClock.London(2027, 7, 12, 11, 0));
        await factory.HoldAsync(review.Id, new MeetingDecisions
        {
            Plan = PlanDecision.ContinueChildProtectionPlan,
            Category = ChildProtectionCategory.EmotionalAbuse,
        });
        status = await factory.CurrentStatusAsync(child);
        Assert.Equal((LegalStatusKind.ChildProtectionPlan, (ChildProtectionCategory?)ChildProtectionCategory.EmotionalAbuse, new DateOnly(2027, 7, 12)),
            (status!.Kind, status.Category, status.From));
        var second = Assert.Single(await factory.MeetingsAsync(child), m => m.Kind == MeetingKind.ReviewChildProtectionConference && m.Number == 2);
        Assert.Equal(((DateOnly?)new DateOnly(2028, 1, 12), (Guid?)review.Id.Value), (second.DueOn, second.TriggerId));

        // The second review ends the plan: the plan ends, the child becomes a child in need, the lead's role ends, and the core
        // group still to come is cancelled.
        factory.Clock.Set(TestClock.London(2027, 12, 1, 11, 0));
        done = await factory.HoldAsync(second.Id, new MeetingDecisions { Plan = PlanDecision.EndChildProtectionPlan });
        plan = await factory.WithDbAsync(db => db.Plans.AsNoTracking().SingleAsync(p => p.ChildId == child));
        Assert.Equal((PlanStatus.Ended, (DateOnly?)new DateOnly(2027, 12, 1)), (plan.Status, plan.EndedOn));
        status = await factory.CurrentStatusAsync(child);
        Assert.Equal((LegalStatusKind.ChildInNeed, new DateOnly(2027, 12, 1)), (status!.Kind, status.From));
        lead = await factory.WithDbAsync(db => db.LeadPractitioners.AsNoTracking().SingleAsync(l => l.ChildId == child));
        Assert.Equal(new DateOnly(2027, 12, 1), lead.To);
        meetings = await factory.MeetingsAsync(child);
        Assert.Equal(MeetingStatus.Cancelled, meetings.Single(m => m.Id == coreGroup.Id).Status);
        Assert.DoesNotContain(meetings, m => m.Status == MeetingStatus.Scheduled);
        Assert.Contains("Core group meeting cancelled: the plan ended", done);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "plan.end" && a.PersonId == child.Value)));
    }

    [Fact]
    public async Task An_initial_conference_deciding_no_plan_schedules_nothing_and_one_for_a_child_already_on_a_plan_starts_no_second_plan()
    {
        var child = await factory.ChildAsync();
        factory.Clock.Set(TestClock.London(2027, 4, 14, 11, 0));
        var first = await factory.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1,
            MeetingTrigger.Section47Enquiry, Guid.NewGuid(), new DateOnly(2027, 3, 25), factory.Clock.GetUtcNow()));

        Assert.Empty(await factory.HoldAsync(first, new MeetingDecisions { Plan = PlanDecision.None }));
        Assert.Single(await factory.MeetingsAsync(child));
        Assert.Null(await factory.CurrentStatusAsync(child));

        await factory.PlanAsync(child, PlanType.ChildProtection, "Safe at home", "Weekly visits", Accounts.SocialWorker, new DateOnly(2027, 5, 1),
            category: ChildProtectionCategory.Neglect);
        var second = await factory.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1,
            MeetingTrigger.Section47Enquiry, Guid.NewGuid(), new DateOnly(2027, 4, 1), factory.Clock.GetUtcNow()));
        var done = await factory.HoldAsync(second, new MeetingDecisions
        {
            Plan = PlanDecision.StartChildProtectionPlan,
            Category = ChildProtectionCategory.Neglect,
            LeadPractitioner = await factory.ProfessionalOfAsync(Accounts.SocialWorker),
        });

        Assert.Contains("The child already has a child protection plan: no new plan started", done);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Plans.CountAsync(p => p.ChildId == child)));
    }

    [Fact]
    public async Task A_child_becoming_looked_after_gets_reviews_at_20_working_days_then_3_months_then_6_months_and_a_care_planning_meeting()
    {
        var child = await factory.ChildAsync();
        await factory.LegalStatusAsync(child, LegalStatusKind.ChildInNeed, new DateOnly(2027, 1, 4));
        factory.Clock.Set(TestClock.London(2027, 3, 2, 10, 0));
        var current = await factory.CurrentStatusAsync(child);
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);

        var recorded = await sam.PostAsJsonAsync($"/api/v1/people/{child.Value}/legal-status", new
        {
            kind = "LookedAfterSection20",
            from = new DateOnly(2027, 3, 1),
            reason = "Accommodated with the mother's agreement while she is in hospital.",
            currentStatusId = current!.Id.Value,
        });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.JsonAsync();
        var statusId = body.GetProperty("id").GetGuid();
        var meetings = await factory.MeetingsAsync(child);
        var first = Assert.Single(meetings, m => m.Kind == MeetingKind.LookedAfterReview);
        // 20 working days from Monday 1 March 2027: Good Friday and Easter Monday move it from Monday 29 to Wednesday 31 March.
        Assert.Equal(((DateOnly?)new DateOnly(2027, 3, 31), (Guid?)statusId, MeetingTrigger.BecameLookedAfter),
            (first.DueOn, first.TriggerId, first.Trigger));
        var planning = Assert.Single(meetings, m => m.Kind == MeetingKind.CarePlanningMeeting);
        Assert.Equal((Guid?)statusId, planning.TriggerId);
        Assert.Contains("Looked-after review scheduled, due by 31 March 2027", body.GetProperty("scheduled").EnumerateArray()
            .Select(s => s.GetString()));

        // A change between looked-after statuses is not becoming looked after: nothing more is scheduled.
        factory.Clock.Set(TestClock.London(2027, 3, 10, 10, 0));
        Assert.Equal(HttpStatusCode.Created, (await sam.PostAsJsonAsync($"/api/v1/people/{child.Value}/legal-status", new
        {
            kind = "LookedAfterInterimCareOrder",
            from = new DateOnly(2027, 3, 9),
            reason = "Interim care order made.",
            currentStatusId = statusId,
        })).StatusCode);
        Assert.Equal(2, (await factory.MeetingsAsync(child)).Count);

        factory.Clock.Set(TestClock.London(2027, 3, 30, 10, 0));
        await factory.HoldAsync(first.Id, new MeetingDecisions());
        var second = Assert.Single(await factory.MeetingsAsync(child), m => m.Kind == MeetingKind.LookedAfterReview && m.Number == 2);
        Assert.Equal((DateOnly?)new DateOnly(2027, 6, 30), second.DueOn);

        factory.Clock.Set(TestClock.London(2027, 6, 28, 10, 0));
        await factory.HoldAsync(second.Id, new MeetingDecisions());
        var third = Assert.Single(await factory.MeetingsAsync(child), m => m.Kind == MeetingKind.LookedAfterReview && m.Number == 3);
        Assert.Equal((DateOnly?)new DateOnly(2027, 12, 28), third.DueOn);
    }

    [Fact]
    public async Task A_child_in_need_plan_agreed_for_the_first_time_schedules_a_review_and_an_early_help_plan_a_team_around_the_family_meeting()
    {
        factory.Clock.Set(TestClock.London(2027, 4, 6, 10, 0));
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        foreach (var (type, kind, due) in new[]
                 {
                     (PlanType.ChildInNeed, MeetingKind.ChildInNeedReview, new DateOnly(2027, 7, 6)),
                     (PlanType.EarlyHelp, MeetingKind.TeamAroundTheFamily, new DateOnly(2027, 5, 18)),
                 })
        {
            var child = await factory.ChildAsync();
            var plan = await factory.PlanAsync(child, type, "Goes to school every day", "Morning routine support", Accounts.SocialWorker,
                new DateOnly(2027, 6, 1), agree: false);

            var agreed = await sam.PostAsJsonAsync($"/api/v1/plans/{plan.Id.Value}/agree",
                new { agreedOn = new DateOnly(2027, 4, 6), agreedAt = "Meeting with the family", version = plan.Version });

            Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
            var meeting = Assert.Single(await factory.MeetingsAsync(child));
            Assert.Equal((kind, 1, (Guid?)plan.Id.Value, (DateOnly?)due, plan.LeadId), (meeting.Kind, meeting.Number, meeting.TriggerId, meeting.DueOn,
                meeting.OwnerId));
            Assert.StartsWith(MeetingTypes.Of(kind).Name + " scheduled", (await agreed.JsonAsync()).GetProperty("scheduled").GetString(),
                StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// T15: a child who becomes looked after on Thursday 25 March 2027 (the day before Good Friday) has a care plan due 10
    /// working days later, the day itself not counted: Good Friday and Easter Monday skipped, Monday 12 April (8 April without
    /// them). Shown on the plans page and the compliance lists, due on the day and overdue after it; escalated once per rung
    /// from the close of that day; met by a care plan agreed (late), which stops it; no longer required if the child stops
    /// being looked after first.
    /// </summary>
    [Fact]
    public async Task A_care_plan_is_due_10_working_days_after_a_child_becomes_looked_after_escalates_when_late_and_is_met_by_a_care_plan()
    {
        var child = await factory.ChildAsync();
        var sam = await factory.ApiAsAsync(Accounts.SocialWorker);
        factory.Clock.Set(MeetingClockFactory.ThursdayBeforeGoodFriday);

        var recorded = await sam.PostAsJsonAsync($"/api/v1/people/{child.Value}/legal-status", new
        {
            kind = "LookedAfterSection20",
            from = new DateOnly(2027, 3, 25),
            reason = "Accommodated with the mother's agreement while she is in hospital.",
        });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.JsonAsync();
        Assert.Equal("2027-04-12", body.GetProperty("carePlanDueOn").GetString());
        var due = await factory.WithDbAsync(db => db.CarePlansDue.AsNoTracking().SingleAsync(c => c.ChildId == child));
        Assert.Equal((body.GetProperty("id").GetGuid(), new DateOnly(2027, 4, 12), CarePlanDueStatus.Open, await factory.ProfessionalOfAsync(Accounts.SocialWorker)),
            (due.Id.Value, due.DueOn, due.Status, due.OwnerId));
        Assert.Equal((await factory.CalendarAsync()).CloseOf(new DateOnly(2027, 4, 12)), due.DueAt);

        async Task<JsonElement?> StepAsync(HttpClient client, string path) =>
            (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray()
            .Select(i => (JsonElement?)i).FirstOrDefault(i => i!.Value.GetProperty("kind").GetString() == "CarePlan"
                                                            && i.Value.GetProperty("childId").GetGuid() == child.Value);
        Task<int> LevelAsync() => factory.WithDbAsync(db => db.CarePlansDue.Where(c => c.Id == due.Id).Select(c => c.EscalationLevel).SingleAsync());
        async Task<int> SweepAsync(DateTimeOffset now)
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CaseworkSweep>().EscalateCarePlansAsync(now);
        }

        // On the due day: listed, not overdue, and not escalated before the close of working hours.
        factory.Clock.Set(TestClock.London(2027, 4, 12, 16, 0));
        var onTheDay = await StepAsync(sam, $"/api/v1/people/{child.Value}/compliance");
        Assert.False(onTheDay!.Value.GetProperty("overdue").GetBoolean());
        await SweepAsync(TestClock.London(2027, 4, 12, 16, 59));
        Assert.Equal(0, await LevelAsync());
        var plans = await sam.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans");
        Assert.Equal(("2027-04-12", false), (plans.GetProperty("carePlanDue").GetProperty("dueOn").GetString(),
            plans.GetProperty("carePlanDue").GetProperty("overdue").GetBoolean()));

        // The day after: overdue on the child's and the area's lists and the plans page, one rung climbed once.
        factory.Clock.Set(TestClock.London(2027, 4, 13, 10, 0));
        Assert.True(await SweepAsync(TestClock.London(2027, 4, 13, 10, 0)) >= 1);
        await SweepAsync(TestClock.London(2027, 4, 13, 10, 5));
        Assert.Equal(1, await LevelAsync());
        Assert.True((await StepAsync(sam, $"/api/v1/people/{child.Value}/compliance"))!.Value.GetProperty("overdue").GetBoolean());
        var lead = await factory.ApiAsAsync(Accounts.SafeguardingLead);
        var onArea = await StepAsync(lead, "/api/v1/compliance?kind=CarePlan");
        Assert.Equal((true, 1), (onArea!.Value.GetProperty("overdue").GetBoolean(), onArea.Value.GetProperty("escalationLevel").GetInt32()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "care-plan-due.escalated"
                                                                                          && n.Link == $"/people/{child.Value}/plans"
                                                                                          && n.ProfessionalId == due.OwnerId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "care-plan-due.escalate"
                                                                                         && a.RecordId == due.Id.Value)));
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/plans");
        Assert.Contains("id=\"care-plan-due\"", page, StringComparison.Ordinal);
        Assert.Contains("12 April 2027", page, StringComparison.Ordinal);

        // A care plan agreed on 14 April meets it, late: off the lists, no further rung.
        factory.Clock.Set(TestClock.London(2027, 4, 14, 10, 0));
        var plan = await factory.PlanAsync(child, PlanType.Care, "Settled in foster care", "Weekly visits", Accounts.SocialWorker,
            new DateOnly(2027, 6, 1), agree: false);
        var agreed = await sam.PostAsJsonAsync($"/api/v1/plans/{plan.Id.Value}/agree",
            new { agreedOn = new DateOnly(2027, 4, 14), agreedAt = "Care planning meeting", version = plan.Version });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        var met = await factory.WithDbAsync(db => db.CarePlansDue.AsNoTracking().SingleAsync(c => c.Id == due.Id));
        Assert.Equal((CarePlanDueStatus.Met, (PlanId?)plan.Id, (DateOnly?)new DateOnly(2027, 4, 14), true, (DateTimeOffset?)null),
            (met.Status, met.PlanId, met.MetOn, met.MetLate, met.NextEscalationAt));
        Assert.Null(await StepAsync(sam, $"/api/v1/people/{child.Value}/compliance"));
        Assert.Equal(JsonValueKind.Null, (await sam.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/plans"))
            .GetProperty("carePlanDue").ValueKind);

        // Another child stops being looked after before any care plan: no longer required, never escalated.
        var other = await factory.ChildAsync();
        factory.Clock.Set(MeetingClockFactory.ThursdayBeforeGoodFriday);
        var started = await (await sam.PostAsJsonAsync($"/api/v1/people/{other.Value}/legal-status", new
        {
            kind = "LookedAfterSection20",
            from = new DateOnly(2027, 3, 25),
            reason = "Accommodated for a few days while the mother is in hospital.",
        })).JsonAsync();
        factory.Clock.Set(TestClock.London(2027, 4, 1, 10, 0));
        Assert.Equal(HttpStatusCode.Created, (await sam.PostAsJsonAsync($"/api/v1/people/{other.Value}/legal-status", new
        {
            kind = "ChildInNeed",
            from = new DateOnly(2027, 3, 31),
            reason = "Home again with the mother; support continues.",
            currentStatusId = started.GetProperty("id").GetGuid(),
        })).StatusCode);
        var ended = await factory.WithDbAsync(db => db.CarePlansDue.AsNoTracking().SingleAsync(c => c.ChildId == other));
        Assert.Equal((CarePlanDueStatus.NoLongerRequired, (DateOnly?)new DateOnly(2027, 3, 31), (DateTimeOffset?)null),
            (ended.Status, ended.MetOn, ended.NextEscalationAt));
    }
}
