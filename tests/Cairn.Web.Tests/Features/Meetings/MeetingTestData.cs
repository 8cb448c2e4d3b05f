using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.FrontDoor;
using Cairn.Domain.Meetings;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Web.Tests.Features.Meetings;

/// <summary>
/// A demo area whose clock stands at 10:00 on Thursday 25 March 2027, the day before Good Friday: the day of the strategy
/// discussions in these tests. Each test moves the clock on as its scenario needs; the demo's involvements started before then.
/// </summary>
public sealed class MeetingClockFactory : CairnFactory
{
    public static readonly DateTimeOffset ThursdayBeforeGoodFriday = TestClock.London(2027, 3, 25, 10, 0);

    public override TestClock Clock { get; } = new(ThursdayBeforeGoodFriday);
}

/// <summary>Meetings scheduled and held straight through the handlers and the domain, as the meeting pages will.</summary>
internal static class MeetingTestData
{
    public const string MissingRolesReason = "The GP, school and parents could not attend at such short notice.";

    public static Task<PersonId> ChildAsync(this CairnFactory factory) =>
        factory.PersonAsync("Meeting" + Tag(), "Child" + Tag(), new DateOnly(2020, 5, 1), involved: Accounts.SocialWorker);

    public static string Tag() => Guid.NewGuid().ToString("N")[..6];

    public static Task<WorkingCalendar> CalendarAsync(this CairnFactory factory) =>
        factory.Services.GetRequiredService<WorkingCalendarSource>().GetAsync(CancellationToken.None);

    /// <summary>Records a legal status from <paramref name="from"/> as children's social care would have, closing the current one.</summary>
    public static async Task<LegalStatusId> LegalStatusAsync(this CairnFactory factory, PersonId child, LegalStatusKind kind, DateOnly from,
        ChildProtectionCategory? category = null)
    {
        var by = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        return await factory.WithDbAsync(async db =>
        {
            var current = await db.LegalStatuses.SingleOrDefaultAsync(s => s.ChildId == child && s.To == null);
            var status = LegalStatus.Change(current, child, kind, category, from, "Earlier decision", by, factory.Clock!.GetUtcNow()).Value!;
            db.LegalStatuses.Add(status);
            await db.SaveChangesAsync();
            return status.Id;
        });
    }

    /// <summary>A strategy discussion about the child held at <paramref name="heldAt"/>, deciding on a section 47 enquiry.</summary>
    public static async Task<StrategyDiscussionId> DiscussionAsync(this CairnFactory factory, PersonId child, DateTimeOffset heldAt)
    {
        var by = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        var discussion = StrategyDiscussion.Require(child, ContactId.New(), heldAt.AddHours(-2), await factory.CalendarAsync());
        StrategyAttendee[] attendees =
        [
            new("Sam Okoro", AgencyKind.ChildrensSocialCare, "Social worker", by),
            new("DC Chris Barnes", AgencyKind.Police, "Detective constable", null),
            new("Nadia Hussain", AgencyKind.HealthVisiting, "Health visitor", null),
        ];
        Assert.Null(discussion.Record(heldAt, true, attendees, true, "Joint visit with the police; a child protection medical.", by,
            discussion.Version, heldAt.AddMinutes(30)));
        await factory.WithDbAsync(db =>
        {
            db.StrategyDiscussions.Add(discussion);
            return db.SaveChangesAsync();
        });
        return discussion.Id;
    }

    /// <summary>Schedules a meeting through the scheduling handler, as a trigger does, arranged by the social worker.</summary>
    public static async Task<MeetingId> ScheduleAsync(this CairnFactory factory, PersonId child, MeetingTriggerFacts facts)
    {
        var owner = await factory.ProfessionalOfAsync(Accounts.SocialWorker);
        await using var scope = factory.Services.CreateAsyncScope();
        var meeting = await scope.ServiceProvider.GetRequiredService<MeetingSchedulingHandler>()
            .ScheduleAsync(child, facts, owner, null, factory.Clock!.GetUtcNow(), CancellationToken.None);
        Assert.NotNull(meeting);
        await scope.ServiceProvider.GetRequiredService<CairnDbContext>().SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>
    /// Holds the meeting on the clock's day, as the hold page will: the social worker, the police officer and the health visitor
    /// invited and attending (a quorate conference), chaired by the safeguarding lead, with the decisions given; then what follows
    /// (<see cref="MeetingFollowOnHandler.AfterHeldAsync"/>) in the same unit of work. Returns the follow-on's words.
    /// </summary>
    public static async Task<IReadOnlyList<string>> HoldAsync(this CairnFactory factory, MeetingId id, MeetingDecisions decisions)
    {
        var now = factory.Clock!.GetUtcNow();
        var people = await factory.WithDbAsync(db => db.Professionals.AsNoTracking()
            .Where(p => p.Email == Accounts.SocialWorker || p.Email == Accounts.Police || p.Email == Accounts.HealthVisitor
                        || p.Email == Accounts.SafeguardingLead)
            .ToDictionaryAsync(p => p.Email));
        var socialCare = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CairnDbContext>();
        var calendar = await factory.CalendarAsync();
        var meeting = await db.Meetings.Include(m => m.Invitees).SingleAsync(m => m.Id == id);
        var chair = people[Accounts.SafeguardingLead].Id;
        foreach (var (email, role) in new[] { (Accounts.SocialWorker, MeetingRole.SocialWorker), (Accounts.Police, MeetingRole.Police),
                     (Accounts.HealthVisitor, MeetingRole.Health) })
        {
            var invited = meeting.Invite(new InviteeDraft(role, people[email].Id, people[email].AgencyId, null), chair, now);
            Assert.Null(invited.Refusal);
        }

        await db.SaveChangesAsync();
        var attendance = meeting.Invitees.Select(i => new AttendanceEntry(i.Id, Attendance.Attended, false)).ToList();
        Assert.Null(meeting.Hold(now.InLondon(), new ChairFacts(chair, true, true, true), attendance, decisions, MissingRolesReason, null,
            socialCare.Contains, day => MeetingSchedule.DueAfter(meeting.Type.MinutesWithin, day, now, calendar), chair, meeting.Version, now));
        var done = await scope.ServiceProvider.GetRequiredService<MeetingFollowOnHandler>().AfterHeldAsync(meeting, chair, now, CancellationToken.None);
        await db.SaveChangesAsync();
        return done;
    }

    /// <summary>The child's meetings, oldest first.</summary>
    public static Task<List<Meeting>> MeetingsAsync(this CairnFactory factory, PersonId child) =>
        factory.WithDbAsync(db => db.Meetings.AsNoTracking().Include(m => m.Invitees).Where(m => m.ChildId == child)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Kind).ToListAsync());

    public static Task<LegalStatus?> CurrentStatusAsync(this CairnFactory factory, PersonId child) =>
        factory.WithDbAsync(db => db.LegalStatuses.AsNoTracking().SingleOrDefaultAsync(s => s.ChildId == child && s.To == null));
}
