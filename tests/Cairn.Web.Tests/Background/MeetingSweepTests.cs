using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Web.Background;
using Cairn.Web.Tests.Features.Meetings;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Background;

/// <summary>
/// The meeting sweep (issue #14, L16): overdue meetings climb one rung per sweep, told and audited once each; the scheduling
/// catch-up gives every child what a trigger requires, once, however often it runs. Time is driven by passing "now"; other
/// tests' meetings in the same database may be swept too, so every assertion is about this test's own child.
/// </summary>
public sealed class MeetingSweepTests(MeetingClockFactory factory) : IClassFixture<MeetingClockFactory>
{
    private async Task EscalateAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MeetingSweep>().EscalateAsync(now);
    }

    private async Task<int> ScheduleMissingAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingSweep>().ScheduleMissingAsync(now);
    }

    private Task<Meeting> StoredAsync(MeetingId id) =>
        factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Events).SingleAsync(m => m.Id == id));

    private Task<List<Guid>> ToldAsync(MeetingId id) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "meeting.escalated" && n.Link == $"/meetings/{id.Value}")
            .Select(n => n.ProfessionalId.Value).ToListAsync());

    [Fact]
    public async Task An_initial_conference_not_held_by_its_due_date_climbs_one_rung_per_sweep_each_told_and_audited_once()
    {
        factory.Clock.Set(MeetingClockFactory.ThursdayBeforeGoodFriday);
        var child = await factory.ChildAsync();
        var id = await factory.ScheduleAsync(child, new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1,
            MeetingTrigger.Section47Enquiry, Guid.NewGuid(), new DateOnly(2027, 3, 25), factory.Clock.GetUtcNow()));
        var dueAt = (await StoredAsync(id)).DueAt!.Value;
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var priya = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        var morgan = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);

        await EscalateAsync(dueAt.AddMinutes(-1));
        Assert.Equal(0, (await StoredAsync(id)).EscalationLevel);

        await EscalateAsync(dueAt.AddMinutes(1));
        await EscalateAsync(dueAt.AddMinutes(1));
        var first = await StoredAsync(id);
        Assert.Equal((1, 1), (first.EscalationLevel, first.Events.Count(e => e.Kind == MeetingEventKind.Escalated)));
        Assert.Equal(new[] { priya.Value, sam.Value }.Order(), (await ToldAsync(id)).Order());

        await EscalateAsync(first.NextEscalationAt!.Value);
        await EscalateAsync(first.NextEscalationAt!.Value);
        var second = await StoredAsync(id);
        Assert.Equal((2, 2), (second.EscalationLevel, second.Events.Count(e => e.Kind == MeetingEventKind.Escalated)));
        Assert.Contains(morgan.Value, await ToldAsync(id));

        await EscalateAsync(second.NextEscalationAt!.Value);
        var heads = await factory.WithDbAsync(db => db.Professionals.Where(p => p.IsActive && (p.Roles & Role.HeadOfService) != 0)
            .Select(p => p.Id.Value).ToListAsync());
        Assert.Equal(3, (await StoredAsync(id)).EscalationLevel);
        Assert.NotEmpty(heads);
        Assert.Subset((await ToldAsync(id)).ToHashSet(), heads.ToHashSet());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "meeting.escalate" && a.RecordId == id.Value)
            .Select(a => new { a.Detail, a.ActorId, a.PersonId }).ToListAsync());
        Assert.Equal(["level 1", "level 2", "level 3"], audited.Select(a => a.Detail).Order());
        Assert.All(audited, a => Assert.Equal((null, (Guid?)child.Value), (a.ActorId, a.PersonId)));
    }

    [Fact]
    public async Task The_catch_up_schedules_a_missing_looked_after_review_exactly_once_however_often_and_however_concurrently_it_runs()
    {
        factory.Clock.Set(TestClock.London(2027, 3, 2, 10, 0));
        var child = await factory.ChildAsync();
        var status = await factory.LegalStatusAsync(child, LegalStatusKind.LookedAfterCareOrder, new DateOnly(2027, 3, 1));
        var now = factory.Clock.GetUtcNow();

        await Task.WhenAll(ScheduleMissingAsync(now), ScheduleMissingAsync(now));
        await ScheduleMissingAsync(now);

        var review = Assert.Single(await factory.MeetingsAsync(child));
        // 20 working days from Monday 1 March 2027, with Good Friday and Easter Monday skipped.
        Assert.Equal((MeetingKind.LookedAfterReview, 1, (Guid?)status.Value, (DateOnly?)new DateOnly(2027, 3, 31), (ProfessionalId?)null),
            (review.Kind, review.Number, review.TriggerId, review.DueOn, review.CreatedBy));
        Assert.Equal(await factory.ProfessionalOfAsync(Accounts.SocialWorker), review.OwnerId);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "meeting.schedule-auto"
                                                                                      && a.RecordId == review.Id.Value && a.ActorId == null)));

        // Held and its follow-on lost: the sweep schedules the next, 3 months on, as holding it would have.
        factory.Clock.Set(TestClock.London(2027, 3, 30, 10, 0));
        await factory.WithDbAsync(async db =>
        {
            var held = await db.Meetings.SingleAsync(m => m.Id == review.Id);
            var chair = await factory.ProfessionalOfAsync(Accounts.SafeguardingLead);
            Assert.Null(held.Hold(new DateOnly(2027, 3, 30), new ChairFacts(chair, true, true, true), [], new MeetingDecisions(),
                MeetingTestData.MissingRolesReason, null, _ => true, d => new MeetingDue(d, factory.Clock.GetUtcNow()), chair, held.Version,
                factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await ScheduleMissingAsync(factory.Clock.GetUtcNow());
        await ScheduleMissingAsync(factory.Clock.GetUtcNow());
        Assert.Equal(2, (await factory.MeetingsAsync(child)).Count);
        var next = Assert.Single(await factory.MeetingsAsync(child), m => m.Number == 2);
        Assert.Equal(((Guid?)review.Id.Value, (DateOnly?)new DateOnly(2027, 6, 30)), (next.TriggerId, next.DueOn));
    }

    [Fact]
    public async Task The_catch_up_schedules_the_conference_an_authorised_enquiry_needs_and_the_review_a_child_on_a_plan_needs()
    {
        factory.Clock.Set(TestClock.London(2027, 4, 1, 10, 0));
        var sam = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var priya = await factory.ProfessionalOfAsync(Accounts.TeamManager);
        var child = await factory.ChildAsync();
        var discussion = await factory.DiscussionAsync(child, TestClock.London(2027, 3, 25, 9, 0));
        var enquiryId = await factory.WithDbAsync(async db =>
        {
            var held = await db.StrategyDiscussions.SingleAsync(d => d.Id == discussion);
            var now = factory.Clock.GetUtcNow();
            var enquiry = Section47Enquiry.Start(held, false, sam, true, "Joint investigation with the police.", "Medical arranged.", sam,
                now.AddDays(-7)).Value!;
            Assert.Null(enquiry.RecordOutcome(Section47Outcome.SubstantiatedAtContinuingRisk, new DateOnly(2027, 4, 1),
                "Continuing risk of significant harm from neglect.", new DateOnly(2027, 4, 1), sam, enquiry.Version, now));
            Assert.Null(enquiry.Authorise(priya, enquiry.Version, now));
            db.Section47Enquiries.Add(enquiry);
            await db.SaveChangesAsync();
            return enquiry.Id;
        });
        var onPlan = await factory.ChildAsync();
        var status = await factory.LegalStatusAsync(onPlan, LegalStatusKind.ChildProtectionPlan, new DateOnly(2027, 2, 1),
            ChildProtectionCategory.PhysicalAbuse);

        await ScheduleMissingAsync(factory.Clock.GetUtcNow());
        await ScheduleMissingAsync(factory.Clock.GetUtcNow());

        var conference = Assert.Single(await factory.MeetingsAsync(child));
        Assert.Equal((MeetingKind.InitialChildProtectionConference, (Guid?)enquiryId.Value, (DateOnly?)new DateOnly(2027, 4, 19), sam),
            (conference.Kind, conference.TriggerId, conference.DueOn, conference.OwnerId));
        var review = Assert.Single(await factory.MeetingsAsync(onPlan));
        Assert.Equal((MeetingKind.ReviewChildProtectionConference, 1, (Guid?)status.Value, (DateOnly?)new DateOnly(2027, 5, 1)),
            (review.Kind, review.Number, review.TriggerId, review.DueOn));
    }
}
