using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Placements;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.HoldMeeting;

/// <summary>How one invitee's attendance is recorded.</summary>
public sealed record AttendanceMark(long InviteeId, Attendance? Attendance, bool ReportReceived);

/// <summary>That the meeting was held: when, who chaired, who came, and what it decided. Version is the one read.</summary>
public sealed record HoldMeetingCommand
{
    public DateOnly? HeldOn { get; init; }
    public ProfessionalId? ChairId { get; init; }
    public IReadOnlyList<AttendanceMark> Attendance { get; init; } = [];
    public PlanDecision? PlanDecision { get; init; }
    public ChildProtectionCategory? Category { get; init; }
    /// <summary>For a conference that starts a plan: the lead child protection practitioner, a social worker.</summary>
    public ProfessionalId? LeadPractitionerId { get; init; }
    [StringLength(Meeting.MaxTextLength)]
    public string? PlanChanges { get; init; }
    public DateOnly? NextMeetingOn { get; init; }
    /// <summary>Why it went ahead without someone in a role its type requires.</summary>
    public string? MissingRolesReason { get; init; }
    /// <summary>Why the chair went ahead though it was not quorate.</summary>
    public string? InquorateReason { get; init; }
    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Records a meeting as held (L16, L21, L22): the domain refuses it without a reason when a required role had nobody invited, when
/// attendance is missing for anyone invited, or when a conference is not quorate (three agencies, children's social care among
/// them); minutes fall due by the area's timescale for the type. What follows (the core group and review a new plan needs, the
/// next review) is scheduled in the same unit of work, and the page says what was done.
/// </summary>
public sealed class HoldMeetingHandler(CairnDbContext db, MeetingAccessHandler meetings, MeetingFollowOnHandler followOn,
    WorkingCalendarSource calendars, CurrentUser user)
{
    public async Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, HoldMeetingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        IReadOnlyList<string> done = [];
        return await meetings.ChangeAsync(id, "meeting.hold", async (meeting, now) =>
        {
            var chair = await meetings.ChairFactsAsync(meeting.ChildId, command.ChairId, meeting.OwnerId, cancellationToken);
            if (command.ChairId is not null && chair is null)
            {
                return Refusal.Of("ChairId", "Select an active professional who chaired the meeting");
            }

            if (command.LeadPractitionerId is { } lead
                && await meetings.AgencyOfAsync(meeting.ChildId, lead, cancellationToken) is not { Kind: AgencyKind.ChildrensSocialCare })
            {
                return Refusal.Of("LeadPractitionerId",
                    "The lead child protection practitioner must be an active social worker in children's social care");
            }

            if (meeting.Kind == MeetingKind.PlacementPlanningMeeting
                && await PlacementPlanningRefusalAsync(meeting, cancellationToken) is { } notUpdated)
            {
                return notUpdated;
            }

            var agencies = meeting.Invitees.Select(i => i.AgencyId).OfType<AgencyId>().Distinct().ToList();
            var socialCare = await db.Agencies.Where(a => agencies.Contains(a.Id) && a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id)
                .ToListAsync(cancellationToken);
            var area = await db.People.Where(p => p.Id == meeting.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var minutesWithin = (await AreaMeetingRules.ForAreaAsync(db, area, cancellationToken)).TypeOf(meeting.Kind).MinutesWithin;
            var calendar = await calendars.GetAsync(cancellationToken);
            var decisions = new MeetingDecisions
            {
                Plan = command.PlanDecision ?? PlanDecision.None,
                Category = command.Category,
                LeadPractitioner = command.LeadPractitionerId,
                PlanChanges = command.PlanChanges,
                NextMeetingOn = command.NextMeetingOn,
            };
            var attendance = command.Attendance.Select(a => new AttendanceEntry(a.InviteeId, a.Attendance, a.ReportReceived)).ToList();
            if (meeting.Hold(command.HeldOn, chair, attendance, decisions, command.MissingRolesReason, command.InquorateReason, socialCare.Contains,
                    day => MeetingSchedule.DueAfter(minutesWithin, day, calendar.CloseOf(day), calendar), user.ProfessionalId, command.Version ?? -1,
                    now) is { } refusal)
            {
                return refusal;
            }

            done = await followOn.AfterHeldAsync(meeting, user.ProfessionalId, now, cancellationToken);
            return null;
        }, cancellationToken, _ => done);
    }

    /// <summary>
    /// A placement planning meeting started by a placement is held only once the risk and matching assessments are updated since the
    /// child was placed (L36). One arranged without a placement has nothing to check against.
    /// </summary>
    private async Task<Refusal?> PlacementPlanningRefusalAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (meeting.TriggerId is not { } trigger)
        {
            return null;
        }

        var placement = new PlacementId(trigger);
        var placedOn = await db.Placements.Where(p => p.Id == placement).Select(p => (DateOnly?)p.StartedOn).FirstOrDefaultAsync(cancellationToken);
        if (placedOn is not { } on)
        {
            return null;
        }

        var assessments = await db.Assessments.Where(a => a.ChildId == meeting.ChildId && PlacementPlanning.Needs.Contains(a.Type))
            .Select(a => new { a.Type, a.CompletedOn }).ToListAsync(cancellationToken);
        return PlacementPlanning.CheckHeld(on, assessments.Select(a => (a.Type, a.CompletedOn)));
    }
}
