using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Places;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings.ViewMeeting;
using Cairn.Web.Tests.Features.Enquiries;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Tests.Features.Meetings;

/// <summary>
/// Conferences, reviews and meetings through the API and pages (issue #14, L16, L21, L22, L26, L29, L53, L54): scheduled with the
/// due date the law sets, invited by followed-through shares, arranged (a manager agrees a date after the due date), held only with
/// a reason when a required role was not invited, minuted with progress on each outcome apart from incidents, confirmed by the chair
/// and sent as shares to the recipients the type requires; flags for a conference without the GP, an out-of-area review without
/// health, and outcomes not reviewed twice running; both sides of every access rule.
/// </summary>
public sealed class MeetingsTests(EnquiryFactory factory) : IClassFixture<EnquiryFactory>
{
    private const string Gp = "dr.patel@cairnmoor.example";
    private const string Teacher = "kate.collins@cairnmoor.example";
    private const string Reason = "The GP could not be reached in time; the practice sent a written report.";
    private static readonly DateTimeOffset Now = EnquiryFactory.TuesdayMorning;
    private static readonly WorkingCalendar Calendar = new(EnglandAndWales.BankHolidays);

    private DateOnly Today => factory.Clock.GetUtcNow().InLondon();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(Guid Id, int Version)> IdAndVersionAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
    }

    private static async Task<int> VersionOfAsync(HttpResponseMessage response) => (await IdAndVersionAsync(response)).Version;

    private Task<Meeting> MeetingAsync(Guid id) =>
        factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Invitees).Include(m => m.Events).AsSplitQuery()
            .SingleAsync(m => m.Id == new MeetingId(id)));

    private async Task<HttpResponseMessage> ScheduleAsync(HttpClient api, PersonId child, string kind = "InitialChildProtectionConference",
        DateOnly? triggeredOn = null) =>
        await api.PostAsJsonAsync($"/api/v1/people/{child.Value}/meetings", new { kind, triggeredOn = triggeredOn ?? Today.AddDays(-2) });

    private async Task<int> InviteAsync(HttpClient api, Guid meeting, int version, string? email = null, PersonId? person = null, string? role = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/meetings/{meeting}/invitations", new
        {
            professionalId = email is null ? (Guid?)null : (await factory.ProfessionalOfAsync(email)).Value,
            personId = person?.Value,
            role,
            version,
        });
        return await VersionOfAsync(response);
    }

    private async Task<PersonId> ParentAsync(PersonId child)
    {
        var parent = await factory.PersonAsync("Parent" + EnquiryFactory.Tag(), "Meeting", new DateOnly(1990, 3, 1), PersonKind.Adult);
        var admin = await factory.ProfessionalOfAsync(Accounts.Administrator);
        await factory.WithDbAsync(db =>
        {
            db.Relationships.Add(Relationship.Record(parent, child, RelationshipType.Parent, null, null, null, admin, DateTimeOffset.UtcNow, Today)
                .Value!);
            return db.SaveChangesAsync();
        });
        return parent;
    }

    /// <summary>The parent's own allocated adult social worker (L29), linked before the conference is scheduled.</summary>
    private async Task<ProfessionalId> OwnWorkerAsync(PersonId parent) =>
        await factory.WithDbAsync(async db =>
        {
            var worker = await db.Professionals.SingleAsync(p => p.Name == "Owen Rees");
            var admin = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
            db.AdultWorkers.Add(AdultWorker.Link(parent, true, worker.Id, worker.AgencyId, AdultService.AdultSocialCare, Today.AddMonths(-2), false,
                admin, factory.Clock.GetUtcNow()).Value!);
            await db.SaveChangesAsync();
            return worker.Id;
        });

    private static object[] Attended(Meeting meeting) =>
        meeting.Invitees.Select(object (i) => new { inviteeId = i.Id, attendance = "Attended", reportReceived = i.IsProfessional }).ToArray();

    private async Task<HttpResponseMessage> HoldAsync(HttpClient api, Meeting meeting, string? missingRolesReason = null,
        string planDecision = "StartChildProtectionPlan", string? inquorateReason = null, object? attendance = null) =>
        await api.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id.Value}/held", new
        {
            heldOn = Today,
            chairId = (await factory.ProfessionalOfAsync(Accounts.TeamManager)).Value,
            attendance = attendance ?? Attended(meeting),
            planDecision,
            category = planDecision == "StartChildProtectionPlan" ? "Neglect" : null,
            leadPractitionerId = planDecision == "StartChildProtectionPlan" ? (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value : (Guid?)null,
            planChanges = "Add a weekly visit by the health visitor.",
            missingRolesReason,
            inquorateReason,
            version = meeting.Version,
        });

    private static string[] Flags(JsonElement view) => view.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToArray();

    private Task<bool> AuditedAsync(string action, Guid? record = null, string outcome = "succeeded") =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.Outcome == outcome && (record == null || a.RecordId == record)));

    /// <summary>A child with a conference scheduled by the social worker two days after the strategy discussion.</summary>
    private async Task<(HttpClient Api, PersonId Child, Guid Meeting, int Version)> ConferenceAsync()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var api = await factory.ApiAsAsync(Accounts.SocialWorker);
        var (id, version) = await IdAndVersionAsync(await ScheduleAsync(api, child));
        return (api, child, id, version);
    }

    // ---- The whole flow ----

    [Fact]
    public async Task A_conference_is_scheduled_invited_arranged_held_and_minuted_and_the_minutes_go_as_shares_to_the_recipients_the_type_requires()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        await factory.InvolveAsync(child, Gp, InvolvementRole.GeneralPractitioner);
        var parent = await ParentAsync(child);
        var ownWorker = await OwnWorkerAsync(parent);
        var plan = await factory.PlanAsync(child, PlanType.ChildProtection, "Safe at home", "Visit every week", Accounts.SocialWorker, Today.AddDays(20),
            category: ChildProtectionCategory.Neglect);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        var scheduled = await ScheduleAsync(worker, child, triggeredOn: Today.AddDays(-2));
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var body = await scheduled.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/meetings/{id}", scheduled.Headers.Location?.OriginalString);
        Assert.Equal(Iso(Calendar.AddWorkingDays(Today.AddDays(-2), 15)), body.GetProperty("dueOn").GetString());
        var version = body.GetProperty("version").GetInt32();

        foreach (var email in new[] { Accounts.SocialWorker, Accounts.Police, Accounts.HealthVisitor, Teacher })
        {
            version = await InviteAsync(worker, id, version, email);
        }

        version = await InviteAsync(worker, id, version, person: parent);
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        Assert.Contains(ViewMeetingHandler.NoGp, Flags(view));
        Assert.Equal(["Gp"], view.GetProperty("missingRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(view.GetProperty("definition").GetProperty("statutory").GetBoolean());
        var roles = view.GetProperty("invitees").EnumerateArray().ToDictionary(i => i.GetProperty("role").GetString()!,
            i => i.TryGetProperty("invitationStatus", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);
        Assert.Equal(("Delivered", "Delivered", "Delivered", null), (roles["Police"], roles["Health"], roles["Education"], roles["Parent"]));
        var invited = await MeetingAsync(id);
        Assert.Equal(ownWorker, Assert.Single(invited.Invitees, i => i.Role == MeetingRole.ParentsOwnWorker).ProfessionalId);
        var invitationShares = invited.Invitees.Select(i => i.InvitationShareId).OfType<ShareId>().ToList();
        Assert.Equal([ShareKind.MeetingInvitation], await factory.WithDbAsync(db =>
            db.Shares.Where(s => invitationShares.Contains(s.Id)).Select(s => s.Kind).Distinct().ToListAsync()));

        var police = await factory.ProfessionalOfAsync(Accounts.Police);
        var arranged = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", new
        {
            scheduledAt = TestClock.London(Today.AddDays(1).Year, Today.AddDays(1).Month, Today.AddDays(1).Day, 10, 0),
            venue = "Cairnmoor Children's Services, room 2",
            chairId = (await factory.ProfessionalOfAsync(Accounts.TeamManager)).Value,
            version,
        });
        version = await VersionOfAsync(arranged);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProfessionalId == police && n.Kind == "meeting.arranged"
                                                                                   && n.Link == $"/meetings/{id}")));

        factory.Clock.Set(Now.AddDays(1).AddHours(3));
        var meeting = await MeetingAsync(id);
        var refused = await HoldAsync(worker, meeting);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("missingRolesReason", out _));
        Assert.Equal((MeetingStatus.Scheduled, version), ((await MeetingAsync(id)).Status, (await MeetingAsync(id)).Version));

        var held = await HoldAsync(worker, meeting, Reason);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var heldBody = await held.JsonAsync();
        Assert.Contains(heldBody.GetProperty("followOn").EnumerateArray(), f => f.GetString()!.StartsWith("Core group meeting scheduled", StringComparison.Ordinal));
        version = heldBody.GetProperty("version").GetInt32();

        var outcome = plan.Current!.Sections.Single(s => s.Kind == PlanSectionKind.Outcome).Key;
        var minutes = await worker.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new
        {
            incidentsSinceLast = "One missed nursery day after a late night.",
            outcomes = new[] { new { sectionKey = outcome, reviewed = true, progress = "Visits every week; the home is warmer." } },
            childsView = "Likes nursery, wants to see grandma more.",
            parentsView = "Mum agrees with the plan and wants help with mornings.",
            discussion = "Agencies agree the risk continues.",
            familySummary = "Everyone agreed a plan to keep your child safe. Sam visits every week.",
            version,
        });
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        var minutesBody = await minutes.JsonAsync();
        Assert.Equal("Draft", minutesBody.GetProperty("minutesStatus").GetString());
        version = minutesBody.GetProperty("version").GetInt32();
        var read = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/minutes");
        Assert.True(Assert.Single(read.GetProperty("outcomes").EnumerateArray()).GetProperty("reviewed").GetBoolean());

        var notChair = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/minutes/confirm", new { version });
        Assert.Equal(HttpStatusCode.Forbidden, notChair.StatusCode);
        var confirmed = await (await factory.ApiAsAsync(Accounts.TeamManager)).PostAsJsonAsync($"/api/v1/meetings/{id}/minutes/confirm", new { version });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var recipients = await factory.WithDbAsync(db => db.Shares.Where(s => s.Kind == ShareKind.Minutes
                                                                            && db.ShareChildren.Any(c => c.ShareId == s.Id && c.ChildId == child))
            .Select(s => s.RecipientProfessional).ToListAsync());
        var expected = new[] { Accounts.SocialWorker, Accounts.Police, Accounts.HealthVisitor, Teacher, Gp };
        var expectedIds = new List<ProfessionalId?>();
        foreach (var email in expected)
        {
            expectedIds.Add(await factory.ProfessionalOfAsync(email));
        }

        expectedIds.Add(ownWorker);
        Assert.Equal(expectedIds.OrderBy(p => p!.Value.Value), recipients.OrderBy(p => p!.Value.Value));
        var sent = await MeetingAsync(id);
        Assert.Equal(MinutesStatus.Sent, sent.MinutesStatus);
        Assert.All(sent.Invitees.Where(i => i.IsProfessional), i => Assert.NotNull(i.MinutesShareId));
        foreach (var action in new[] { "meeting.schedule", "meeting.invite", "meeting.arrange", "meeting.hold", "meeting.minutes", "meeting.minutes.confirm" })
        {
            Assert.True(await AuditedAsync(action, action == "meeting.schedule" ? null : id), action);
        }

        Assert.True(await AuditedAsync("meeting.view", outcome: "allowed"));
        var summary = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}/family-summary");
        Assert.Equal("Likes nursery, wants to see grandma more.", summary.GetProperty("childsView").GetString());
        Assert.Contains("Visit every week", summary.GetProperty("outcomes").GetRawText(), StringComparison.Ordinal);
    }

    // ---- Access ----

    [Fact]
    public async Task Someone_not_involved_gets_404_for_the_list_the_meeting_and_every_change()
    {
        var (_, child, id, version) = await ConferenceAsync();
        var outsider = await factory.ApiAsAsync(Accounts.Uninvolved);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/people/{child.Value}/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel",
            new { reason = "No longer needed: the family moved away.", version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScheduleAsync(outsider, child)).StatusCode);
        Assert.Equal(MeetingStatus.Scheduled, (await MeetingAsync(id)).Status);
    }

    [Fact]
    public async Task A_police_officer_involved_with_the_child_reads_the_conference_but_may_not_change_it()
    {
        var (_, child, id, version) = await ConferenceAsync();
        await factory.InvolveAsync(child, Accounts.Police, InvolvementRole.PoliceOfficer);
        var police = await factory.ApiAsAsync(Accounts.Police);

        var view = await police.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        Assert.False(view.GetProperty("mayChange").GetBoolean());
        var arrange = await police.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", new { scheduledAt = Now.AddDays(1), version });
        Assert.Equal(HttpStatusCode.Forbidden, arrange.StatusCode);
        Assert.Equal("application/problem+json", arrange.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScheduleAsync(police, child)).StatusCode);
        Assert.True(await AuditedAsync("meeting.arrange", id, "refused"));
        Assert.Null((await MeetingAsync(id)).ScheduledAt);

        // A professionals' meeting is anyone's who may open the record.
        Assert.Equal(HttpStatusCode.Created, (await ScheduleAsync(police, child, "ProfessionalsMeeting")).StatusCode);
    }

    [Fact]
    public async Task Only_a_team_manager_may_arrange_a_meeting_after_its_due_date_and_a_reason_is_needed()
    {
        var (worker, _, id, version) = await ConferenceAsync();
        var due = (await MeetingAsync(id)).DueOn!.Value;
        var late = TestClock.London(due.AddDays(1).Year, due.AddDays(1).Month, due.AddDays(1).Day, 10, 0);
        var move = new { scheduledAt = late, moveReason = "The family asked for a later date so both parents can attend.", version };

        var refused = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", move);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("only a manager", (await refused.JsonAsync()).GetProperty("errors").GetProperty("moveReason")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Null((await MeetingAsync(id)).ScheduledAt);

        var manager = await factory.ApiAsAsync(Accounts.TeamManager);
        var noReason = await manager.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", new { scheduledAt = late, version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", move)).StatusCode);
        var meeting = await MeetingAsync(id);
        Assert.Equal((late, await factory.ProfessionalOfAsync(Accounts.TeamManager)), (meeting.ScheduledAt!.Value, meeting.MoveAgreedBy!.Value));
    }

    // ---- Bad input and races ----

    [Fact]
    public async Task Bad_input_is_refused_with_clear_errors_and_changes_nothing()
    {
        var (worker, child, id, version) = await ConferenceAsync();
        var before = await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.ChildId == child));

        var noKind = await worker.PostAsJsonAsync($"/api/v1/people/{child.Value}/meetings", new { kind = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        var future = await ScheduleAsync(worker, child, triggeredOn: Today.AddDays(3));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.JsonAsync()).GetProperty("errors").TryGetProperty("triggeredOn", out _));
        var lookedAfter = await ScheduleAsync(worker, child, "LookedAfterReview");
        Assert.Equal(HttpStatusCode.BadRequest, lookedAfter.StatusCode);
        var noPlacement = await worker.PostAsJsonAsync($"/api/v1/people/{child.Value}/meetings", new { kind = "PlacementPlanningMeeting" });
        Assert.True((await noPlacement.JsonAsync()).GetProperty("errors").TryGetProperty("triggeredAt", out _));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.ChildId == child)));

        var noDate = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/arrange", new { venue = "Room 2", version });
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.True((await noDate.JsonAsync()).GetProperty("errors").TryGetProperty("scheduledAt", out _));
        var shortReason = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel", new { reason = "Not needed", version });
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        var nobody = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/invitations", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        var stranger = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/invitations",
            new { personId = (await factory.ChildAsync()).Value, version });
        Assert.True((await stranger.JsonAsync()).GetProperty("errors").TryGetProperty("personId", out _));
        var notHeld = await worker.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new { childsView = "Happy.", version });
        Assert.Equal(HttpStatusCode.BadRequest, notHeld.StatusCode);

        var meeting = await MeetingAsync(id);
        Assert.Equal((version, MeetingStatus.Scheduled, 0, (DateTimeOffset?)null), (meeting.Version, meeting.Status, meeting.Invitees.Count, meeting.ScheduledAt));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_conflict()
    {
        var (worker, _, id, version) = await ConferenceAsync();
        var v2 = await InviteAsync(worker, id, version, Accounts.Police);

        var stale = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/invitations",
            new { professionalId = (await factory.ProfessionalOfAsync(Accounts.HealthVisitor)).Value, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleCancel = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/cancel",
            new { reason = "The enquiry found no continuing risk after all.", version });
        Assert.Equal(HttpStatusCode.Conflict, staleCancel.StatusCode);
        var meeting = await MeetingAsync(id);
        Assert.Equal((v2, 1, MeetingStatus.Scheduled), (meeting.Version, meeting.Invitees.Count, meeting.Status));
    }

    // ---- Flags ----

    [Fact]
    public async Task A_conference_without_the_GP_invited_is_flagged_until_the_GP_is_invited()
    {
        var (worker, _, id, version) = await ConferenceAsync();
        Assert.Contains(ViewMeetingHandler.NoGp, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}")));

        await InviteAsync(worker, id, version, Gp);

        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        Assert.DoesNotContain(ViewMeetingHandler.NoGp, Flags(view));
        Assert.Equal("Gp", view.GetProperty("invitees")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_looked_after_review_of_a_child_living_outside_the_area_with_no_health_professional_invited_is_flagged()
    {
        factory.Clock.Set(Now);
        var outside = await factory.ChildAsync();
        var inside = await factory.ChildAsync();
        var unknown = await factory.ChildAsync();
        await AddressAsync(outside, "E06000001");
        await AddressAsync(inside, "E06000014");
        await AddressAsync(unknown, null);
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var review = await LookedAfterReviewAsync(outside);

        Assert.Contains(ViewMeetingHandler.OutOfAreaNoHealth, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{review.Id.Value}")));
        foreach (var child in new[] { inside, unknown })
        {
            var other = await LookedAfterReviewAsync(child);
            Assert.DoesNotContain(ViewMeetingHandler.OutOfAreaNoHealth,
                Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{other.Id.Value}")));
        }

        await InviteAsync(worker, review.Id.Value, review.Version, Accounts.HealthVisitor);
        Assert.DoesNotContain(ViewMeetingHandler.OutOfAreaNoHealth,
            Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{review.Id.Value}")));
    }

    [Fact]
    public async Task An_outcome_of_the_plan_not_reviewed_at_two_meetings_in_a_row_is_flagged()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var plan = await factory.PlanAsync(child, PlanType.ChildInNeed, "Goes to school every day", "Walk to school", Accounts.SocialWorker,
            Today.AddDays(30));
        var outcome = plan.Current!.Sections.Single(s => s.Kind == PlanSectionKind.Outcome).Key;
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);

        async Task<Guid> HeldWithMinutesAsync(bool reviewed)
        {
            // Minutes apart, so the meetings held the same day are in order.
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            var (id, version) = await IdAndVersionAsync(await ScheduleAsync(worker, child, "ProfessionalsMeeting"));
            var held = await worker.PostAsJsonAsync($"/api/v1/meetings/{id}/held", new
            {
                heldOn = Today,
                chairId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value,
                attendance = Array.Empty<object>(),
                version,
            });
            var written = await worker.PutAsJsonAsync($"/api/v1/meetings/{id}/minutes", new
            {
                incidentsSinceLast = "A row at home; the police were called.",
                outcomes = new[] { new { sectionKey = outcome, reviewed, progress = reviewed ? "Attendance up to 90%." : null } },
                version = await VersionOfAsync(held),
            });
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
            return id;
        }

        async Task<JsonElement> PlanGapsAsync() =>
            (await worker.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan.Id.Value}")).GetProperty("unreviewedOutcomes");
        var first = await HeldWithMinutesAsync(false);
        Assert.DoesNotContain(ViewMeetingHandler.OutcomesNotReviewed, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{first}")));
        Assert.Equal(0, (await PlanGapsAsync()).GetArrayLength());
        var second = await HeldWithMinutesAsync(false);
        var view = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{second}");
        Assert.Contains(ViewMeetingHandler.OutcomesNotReviewed, Flags(view));
        Assert.Equal("Goes to school every day", view.GetProperty("unreviewedOutcomes")[0].GetProperty("title").GetString());
        // The child's meetings and compliance view flag it too, on the API and the pages.
        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/meetings");
        Assert.Equal("Goes to school every day", list.GetProperty("unreviewedOutcomes")[0].GetProperty("title").GetString());
        var steps = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/compliance");
        Assert.Equal("Goes to school every day", steps.GetProperty("unreviewedOutcomes")[0].GetProperty("title").GetString());
        var page = await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/compliance");
        Assert.Contains("id=\"outcomes-not-reviewed\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"outcomes-not-reviewed\"",
            await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/people/{child.Value}/meetings"), StringComparison.Ordinal);
        // And the plan itself (L22): its API names the outcome, its page warns.
        var onPlan = Assert.Single((await PlanGapsAsync()).EnumerateArray());
        Assert.Equal((outcome, "Goes to school every day"), (onPlan.GetProperty("sectionKey").GetGuid(), onPlan.GetProperty("title").GetString()));
        Assert.Contains("id=\"outcomes-not-reviewed\"",
            await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{plan.Id.Value}"), StringComparison.Ordinal);
        var third = await HeldWithMinutesAsync(true);
        Assert.DoesNotContain(ViewMeetingHandler.OutcomesNotReviewed, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{third}")));
        steps = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/people/{child.Value}/compliance");
        Assert.Equal(0, steps.GetProperty("unreviewedOutcomes").GetArrayLength());
        Assert.Equal(0, (await PlanGapsAsync()).GetArrayLength());
        Assert.DoesNotContain("id=\"outcomes-not-reviewed\"",
            await (await factory.SignedInAsAsync(Accounts.SocialWorker)).GetStringAsync($"/plans/{plan.Id.Value}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placement_planning_meeting_is_due_72_hours_after_the_placement_started_and_unsent_minutes_are_flagged_when_late()
    {
        factory.Clock.Set(Now);
        var child = await factory.ChildAsync();
        var worker = await factory.ApiAsAsync(Accounts.SocialWorker);
        var started = Now.AddHours(-2);

        var scheduled = await worker.PostAsJsonAsync($"/api/v1/people/{child.Value}/meetings", new { kind = "PlacementPlanningMeeting", triggeredAt = started });
        var (id, version) = await IdAndVersionAsync(scheduled);
        var meeting = await MeetingAsync(id);
        Assert.Equal((started.AddHours(72), MeetingTrigger.PlacementStarted), (meeting.DueAt!.Value, meeting.Trigger));

        var (meetingId, meetingVersion) = await IdAndVersionAsync(await ScheduleAsync(worker, child, "ProfessionalsMeeting"));
        var held = await worker.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/held", new
        {
            heldOn = Today,
            chairId = (await factory.ProfessionalOfAsync(Accounts.SocialWorker)).Value,
            attendance = Array.Empty<object>(),
            version = meetingVersion,
        });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.DoesNotContain(ViewMeetingHandler.MinutesOverdue, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meetingId}")));

        factory.Clock.Set(Now.AddDays(20));
        Assert.Contains(ViewMeetingHandler.MinutesOverdue, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meetingId}")));
        Assert.Contains(ViewMeetingHandler.Overdue, Flags(await worker.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}")));
        Assert.Equal(version, (await MeetingAsync(id)).Version);
    }

    // ---- Pages ----

    [Fact]
    public async Task The_pages_show_the_meeting_and_bad_input_gets_an_error_summary_and_changes_nothing()
    {
        var (_, child, id, _) = await ConferenceAsync();
        var browser = await factory.SignedInAsAsync(Accounts.SocialWorker);

        var list = await browser.GetStringAsync($"/people/{child.Value}/meetings");
        Assert.Contains($"/meetings/{id}", list, StringComparison.Ordinal);
        Assert.Contains("Conferences and meetings", await browser.GetStringAsync($"/people/{child.Value}"), StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/meetings/{id}");
        Assert.Contains("Initial child protection conference", page, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"no-gp-invited\"", page, StringComparison.Ordinal);
        foreach (var path in new[] { "arrange", "invite", "hold", "cancel" })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/meetings/{id}/{path}")).StatusCode);
        }

        var version = (await MeetingAsync(id)).Version;
        var posted = await browser.PostAsync($"/meetings/{id}/arrange", await Clients.FormAsync(browser, $"/meetings/{id}/arrange", new()
        {
            ["Input.Venue"] = "Room 2",
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        }));
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter the date and time of the meeting", html, StringComparison.Ordinal);
        Assert.Null((await MeetingAsync(id)).ScheduledAt);

        var outsider = await factory.SignedInAsAsync(Accounts.Uninvolved);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/people/{child.Value}/meetings")).StatusCode);
    }

    private async Task AddressAsync(PersonId child, string? authority) =>
        await factory.WithDbAsync(async db =>
        {
            if (authority is not null && !await db.LocalAuthorities.AnyAsync(l => l.Code == authority))
            {
                db.LocalAuthorities.Add(new LocalAuthority { Code = authority, Name = authority, UpperTierCode = authority, UpperTierName = authority });
            }

            db.Addresses.Add(PersonAddress.Record(child, "1 Test Street", null, null, "YO1 7HH", Today.AddYears(-1),
                authority is null ? null : new PostcodeLocation(authority, 460000, 452000)).Value!);
            return await db.SaveChangesAsync();
        });

    /// <summary>A looked-after review scheduled by Cairn as the trigger would, through the domain.</summary>
    private async Task<Meeting> LookedAfterReviewAsync(PersonId child)
    {
        var owner = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var due = MeetingSchedule.DueAfter(MeetingTypes.Of(MeetingKind.LookedAfterReview).FirstDue!, Today, Now, Calendar);
        var review = Meeting.Schedule(child, MeetingKind.LookedAfterReview, 1, MeetingTrigger.BecameLookedAfter, Guid.NewGuid(), Today, due, owner,
            null, Now);
        await factory.WithDbAsync(db =>
        {
            db.Meetings.Add(review);
            return db.SaveChangesAsync();
        });
        return review;
    }
}
