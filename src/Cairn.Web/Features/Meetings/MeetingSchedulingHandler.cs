using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>What starts a meeting's clock, as the scheduler needs it.</summary>
/// <param name="Kind">The kind of meeting to schedule.</param>
/// <param name="Number">Which of its kind in the chain (1 for the first).</param>
/// <param name="Trigger">What triggered it.</param>
/// <param name="TriggerId">The enquiry, plan, placement, proceedings or earlier meeting; null for one someone arranged.</param>
/// <param name="On">The day of the trigger (a strategy discussion, the day a child became looked after, the previous meeting).</param>
/// <param name="At">The moment of the trigger, for an hours timescale (a placement planning meeting's 72 hours).</param>
/// <param name="Timescale">The timescale to count; null for the type's first (or none, for a meeting with no timescale).</param>
public sealed record MeetingTriggerFacts(MeetingKind Kind, int Number, MeetingTrigger Trigger, Guid? TriggerId, DateOnly On, DateTimeOffset At,
    MeetingTimescale? Timescale = null);

/// <summary>
/// Schedules meetings from their triggers (L16, L21, L29): works out the due date from the area's calendar and meeting rules,
/// adds the meeting to the unit of work, and invites each parent's own allocated worker (adult social care, mental health,
/// learning disability services) to a meeting whose minutes go to them, telling them by a followed-through share. Used by
/// the pages (someone arranging a meeting) and by the triggers (an enquiry's outcome, a conference's decision, a child
/// becoming looked after, proceedings starting) alike. The caller saves.
/// </summary>
public sealed class MeetingSchedulingHandler(CairnDbContext db, WorkingCalendarSource calendars, MeetingSharesHandler shares, AuditLog audit)
{
    /// <summary>
    /// Schedules the meeting a trigger requires, unless one is already scheduled from it (the same trigger, kind and number):
    /// null then. <paramref name="owner"/> arranges it and is told when it is late; <paramref name="by"/> is null when Cairn
    /// scheduled it itself.
    /// </summary>
    public async Task<Meeting?> ScheduleAsync(PersonId child, MeetingTriggerFacts trigger, ProfessionalId owner, ProfessionalId? by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.TriggerId is { } source && (await db.Meetings.AnyAsync(
                m => m.TriggerId == source && m.Kind == trigger.Kind && m.Number == trigger.Number, cancellationToken)
            || db.Meetings.Local.Any(m => m.TriggerId == source && m.Kind == trigger.Kind && m.Number == trigger.Number)))
        {
            return null;
        }

        var area = await db.People.Where(p => p.Id == child).Select(p => p.AreaId).SingleAsync(cancellationToken);
        var type = (await AreaMeetingRules.ForAreaAsync(db, area, cancellationToken)).TypeOf(trigger.Kind);
        var timescale = trigger.Timescale ?? type.FirstDue;
        var due = timescale is null
            ? (MeetingDue?)null
            : MeetingSchedule.DueAfter(timescale, trigger.On, trigger.At, await calendars.GetAsync(cancellationToken));
        var meeting = Meeting.Schedule(child, trigger.Kind, trigger.Number, trigger.Trigger, trigger.TriggerId, trigger.On, due, owner, by, now);
        db.Meetings.Add(meeting);
        audit.Record(by is null ? "meeting.schedule-auto" : "meeting.schedule", child, MeetingAccessHandler.RecordType, meeting.Id.Value,
            detail: trigger.Kind.ToString());
        if (type.MinutesTo.HasFlag(MinutesRecipients.ParentsOwnWorkers))
        {
            await InviteParentsOwnWorkersAsync(meeting, by ?? owner, now, cancellationToken);
        }

        return meeting;
    }

    /// <summary>
    /// Invites each current allocated worker of the child's parents (L29), with a followed-through share, unless already
    /// invited. Returns how many were invited.
    /// </summary>
    public async Task<int> InviteParentsOwnWorkersAsync(Meeting meeting, ProfessionalId by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var today = now.InLondon();
        var child = meeting.ChildId;
        var parents = await ParentsAsync(db, child, cancellationToken);
        var workers = await db.AdultWorkers.AsNoTracking()
            .Where(w => parents.Contains(w.AdultId) && w.StartedOn <= today && (w.EndedOn == null || w.EndedOn >= today))
            .Where(w => db.Professionals.Any(p => p.Id == w.ProfessionalId && p.IsActive))
            .ToListAsync(cancellationToken);
        var invited = 0;
        foreach (var worker in workers.DistinctBy(w => w.ProfessionalId))
        {
            var draft = new InviteeDraft(MeetingRole.ParentsOwnWorker, worker.ProfessionalId, worker.AgencyId, null,
                $"Parent's own allocated worker ({ServiceName(worker.Service)})");
            if (meeting.Invite(draft, by, now).Value is { } invitee)
            {
                await shares.SendInvitationAsync(meeting, invitee, by, now, cancellationToken);
                invited++;
            }
        }

        return invited;
    }

    /// <summary>The child's parents and step-parents, either way round the relationship was recorded.</summary>
    public static async Task<List<PersonId>> ParentsAsync(CairnDbContext db, PersonId child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Relationships.AsNoTracking()
            .Where(r => r.ToPersonId == child && (r.Type == RelationshipType.Parent || r.Type == RelationshipType.StepParent)
                        && r.EndedOn == null)
            .Select(r => r.FromPersonId).Distinct().ToListAsync(cancellationToken);
    }

    public static string ServiceName(AdultService service) => service switch
    {
        AdultService.AdultSocialCare => "adult social care",
        AdultService.MentalHealth => "mental health services",
        AdultService.LearningDisability => "learning disability services",
        AdultService.SubstanceMisuse => "substance misuse services",
        AdultService.Probation => "probation",
        _ => "adult services",
    };
}
