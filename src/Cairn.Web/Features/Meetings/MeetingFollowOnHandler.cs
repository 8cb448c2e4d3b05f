using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>
/// What follows a held meeting (L16, L22): the meetings its type requires next are scheduled with their due dates (a
/// conference that starts a plan: the first core group in 10 working days and the first review in 3 months; a review that
/// continues the plan: the next in 6 months; a looked-after review: the next at 3, then 6 months), and a conference that ends
/// the plan cancels the core groups and reviews still to come. The caller saves, in the same unit of work as the meeting.
/// </summary>
public sealed class MeetingFollowOnHandler(CairnDbContext db, MeetingSchedulingHandler scheduler, AuditLog audit)
{
    public const string PlanEndedReason = "The child protection plan ended at a review conference";

    /// <summary>Schedules what follows and cancels what no longer will; returns what was done, in words, for the page.</summary>
    public async Task<IReadOnlyList<string>> AfterHeldAsync(Meeting meeting, ProfessionalId by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Status != MeetingStatus.Held || meeting.HeldOn is not { } held)
        {
            return [];
        }

        var done = new List<string>();
        var next = new List<(MeetingKind Kind, int Number, MeetingTimescale? Timescale)>();
        switch (meeting.Kind)
        {
            case MeetingKind.InitialChildProtectionConference when meeting.PlanDecision == PlanDecision.StartChildProtectionPlan:
                next.Add((MeetingKind.CoreGroup, 1, null));
                next.Add((MeetingKind.ReviewChildProtectionConference, 1, null));
                break;
            case MeetingKind.ReviewChildProtectionConference when meeting.PlanDecision == PlanDecision.ContinueChildProtectionPlan:
                next.Add((meeting.Kind, meeting.Number + 1, MeetingTypes.Of(meeting.Kind).ThenEvery));
                break;
            case MeetingKind.ReviewChildProtectionConference when meeting.PlanDecision == PlanDecision.EndChildProtectionPlan:
                done.AddRange(await CancelStillToComeAsync(meeting, [MeetingKind.CoreGroup, MeetingKind.ReviewChildProtectionConference], by, now,
                    cancellationToken));
                break;
            case MeetingKind.CoreGroup or MeetingKind.LookedAfterReview or MeetingKind.ChildInNeedReview or MeetingKind.TeamAroundTheFamily:
                next.Add((meeting.Kind, meeting.Number + 1, null));
                break;
        }

        foreach (var (kind, number, timescale) in next)
        {
            var area = await db.People.Where(p => p.Id == meeting.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var type = (await AreaMeetingRules.ForAreaAsync(db, area, cancellationToken)).TypeOf(kind);
            var counted = kind == meeting.Kind ? MeetingSchedule.Following(type, meeting.Number) : timescale ?? type.FirstDue;
            if (counted is null)
            {
                continue;
            }

            var facts = new MeetingTriggerFacts(kind, number, MeetingTrigger.PreviousMeeting, meeting.Id.Value, held, now, counted);
            if (await scheduler.ScheduleAsync(meeting.ChildId, facts, meeting.OwnerId, by, now, cancellationToken) is { } scheduled)
            {
                done.Add($"{type.Name} scheduled, due by {scheduled.DueOn:d MMMM yyyy}");
            }
        }

        return done;
    }

    private async Task<IEnumerable<string>> CancelStillToComeAsync(Meeting meeting, MeetingKind[] kinds, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var open = await db.Meetings.Where(m => m.ChildId == meeting.ChildId && m.Status == MeetingStatus.Scheduled && kinds.Contains(m.Kind)
                                                && m.Id != meeting.Id)
            .ToListAsync(cancellationToken);
        foreach (var other in open)
        {
            if (other.Cancel(PlanEndedReason, by, other.Version, now) is null)
            {
                audit.Record("meeting.cancel", other.ChildId, MeetingAccessHandler.RecordType, other.Id.Value, detail: "plan ended");
            }
        }

        return open.Select(m => $"{m.Type.Name} cancelled: the plan ended");
    }
}
