using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Domain.People;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Background;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>
/// Schedules meetings from their triggers (L16, L21, L29): works out the due date from the area's calendar and meeting rules,
/// adds the meeting to the unit of work, and invites each parent's own allocated worker (adult social care, mental health,
/// learning disability services) to a meeting whose minutes go to them, telling them by a followed-through share. Used by
/// the pages (someone arranging a meeting) and by the triggers (an enquiry's outcome, a conference's decision, a child
/// becoming looked after, a plan agreed) alike, and by the scheduling sweep for many children at once: whatever the number,
/// the existing meetings, areas, rules and parents' workers are read in a handful of queries. The caller saves.
/// </summary>
public sealed class MeetingSchedulingHandler(CairnDbContext db, WorkingCalendarSource calendars, MeetingSharesHandler shares, AuditLog audit)
    : IMeetingScheduler
{
    /// <summary>
    /// The scheduling sweep's way in (it may not use a feature): schedules as Cairn itself and returns the meetings, leaving their
    /// audit entries to the sweep, which writes a batch's in one statement.
    /// </summary>
    Task<IReadOnlyList<Meeting>> IMeetingScheduler.ScheduleAsync(IReadOnlyList<MeetingRequest> requests, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ScheduleAllAsync(requests, null, now, true, cancellationToken);

    /// <summary>
    /// Schedules the meeting a trigger requires, unless one is already scheduled from it (the same trigger, kind and number):
    /// null then. <paramref name="owner"/> arranges it and is told when it is late; <paramref name="by"/> is null when Cairn
    /// scheduled it itself.
    /// </summary>
    public async Task<Meeting?> ScheduleAsync(PersonId child, MeetingTriggerFacts trigger, ProfessionalId owner, ProfessionalId? by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return (await ScheduleManyAsync([new MeetingRequest(child, trigger, owner)], by, now, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Schedules each meeting requested that is not already scheduled from its trigger (in the database or in this unit of
    /// work); returns those scheduled. Each is audited (<c>meeting.schedule-auto</c> when <paramref name="by"/> is null).
    /// </summary>
    public Task<IReadOnlyList<Meeting>> ScheduleManyAsync(IReadOnlyList<MeetingRequest> requests, ProfessionalId? by, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ScheduleAllAsync(requests, by, now, false, cancellationToken);

    /// <summary>As <see cref="ScheduleManyAsync"/>; <paramref name="auditedByCaller"/>: the caller audits the meetings scheduled.</summary>
    private async Task<IReadOnlyList<Meeting>> ScheduleAllAsync(IReadOnlyList<MeetingRequest> requests, ProfessionalId? by, DateTimeOffset now,
        bool auditedByCaller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var wanted = await NotYetScheduledAsync(requests, cancellationToken);
        if (wanted.Count == 0)
        {
            return [];
        }

        var children = wanted.Select(r => r.Child).Distinct().ToList();
        var areas = await db.People.AsNoTracking().Where(p => children.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.AreaId, cancellationToken);
        var areaIds = areas.Values.Distinct().ToList();
        var stored = await db.MeetingRules.AsNoTracking().Where(r => areaIds.Contains(r.AreaId)).ToListAsync(cancellationToken);
        var rules = areaIds.ToDictionary(a => a, a => stored.FirstOrDefault(r => r.AreaId == a)?.ToRules() ?? Domain.Meetings.MeetingRules.Default);
        var calendar = await calendars.GetAsync(cancellationToken);
        var withWorkers = wanted.Where(r => MeetingTypes.Of(r.Facts.Kind).MinutesTo.HasFlag(MinutesRecipients.ParentsOwnWorkers))
            .Select(r => r.Child).Distinct().ToList();
        var workers = await ParentsOwnWorkersAsync(withWorkers, now.InLondon(), cancellationToken);
        var scheduled = new List<Meeting>();
        foreach (var (child, trigger, owner) in wanted)
        {
            if (!areas.TryGetValue(child, out var area))
            {
                continue;
            }

            var type = rules[area].TypeOf(trigger.Kind);
            var timescale = trigger.Timescale ?? type.FirstDue;
            var due = timescale is null ? (MeetingDue?)null : MeetingSchedule.DueAfter(timescale, trigger.On, trigger.At, calendar);
            var meeting = Meeting.Schedule(child, trigger.Kind, trigger.Number, trigger.Trigger, trigger.TriggerId, trigger.On, due, owner, by, now);
            db.Meetings.Add(meeting);
            if (!auditedByCaller)
            {
                audit.Record(by is null ? "meeting.schedule-auto" : "meeting.schedule", child, MeetingAccessHandler.RecordType, meeting.Id.Value,
                    detail: trigger.Kind.ToString());
            }

            if (type.MinutesTo.HasFlag(MinutesRecipients.ParentsOwnWorkers))
            {
                await InviteAsync(meeting, workers.GetValueOrDefault(child) ?? [], by ?? owner, now, cancellationToken);
            }

            scheduled.Add(meeting);
        }

        return scheduled;
    }

    /// <summary>
    /// Invites each current allocated worker of the child's parents (L29), with a followed-through share, unless already
    /// invited. Returns how many were invited.
    /// </summary>
    public async Task<int> InviteParentsOwnWorkersAsync(Meeting meeting, ProfessionalId by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var workers = await ParentsOwnWorkersAsync([meeting.ChildId], now.InLondon(), cancellationToken);
        return await InviteAsync(meeting, workers.GetValueOrDefault(meeting.ChildId) ?? [], by, now, cancellationToken);
    }

    /// <summary>The child's parents and step-parents, either way round the relationship was recorded.</summary>
    public static async Task<List<PersonId>> ParentsAsync(CairnDbContext db, PersonId child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await ParentsOfAsync(db, [child], cancellationToken)).Select(p => p.Parent).Distinct().ToList();
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

    /// <summary>The requests whose trigger, kind and number have no meeting yet, each once.</summary>
    private async Task<List<MeetingRequest>> NotYetScheduledAsync(IReadOnlyList<MeetingRequest> requests, CancellationToken cancellationToken)
    {
        var sources = requests.Select(r => r.Facts.TriggerId).OfType<Guid>().Distinct().Select(g => (Guid?)g).ToList();
        var taken = sources.Count == 0
            ? []
            : (await db.Meetings.AsNoTracking().Where(m => sources.Contains(m.TriggerId))
                .Select(m => new { m.TriggerId, m.Kind, m.Number }).ToListAsync(cancellationToken))
            .Select(m => (m.TriggerId, m.Kind, m.Number)).ToHashSet();
        taken.UnionWith(db.Meetings.Local.Where(m => m.TriggerId is not null).Select(m => (m.TriggerId, m.Kind, m.Number)));
        var wanted = new List<MeetingRequest>();
        foreach (var request in requests)
        {
            var key = (request.Facts.TriggerId, request.Facts.Kind, Math.Max(1, request.Facts.Number));
            if (request.Facts.TriggerId is null || taken.Add(key))
            {
                wanted.Add(request);
            }
        }

        return wanted;
    }

    private async Task<int> InviteAsync(Meeting meeting, IReadOnlyList<AdultWorker> workers, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
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

    /// <summary>The current allocated workers of each child's parents (active professionals only), in two queries.</summary>
    private async Task<Dictionary<PersonId, List<AdultWorker>>> ParentsOwnWorkersAsync(List<PersonId> children, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var parents = await ParentsOfAsync(db, children, cancellationToken);
        var adults = parents.Select(p => p.Parent).Distinct().ToList();
        var workers = adults.Count == 0
            ? []
            : await db.AdultWorkers.AsNoTracking()
                .Where(w => adults.Contains(w.AdultId) && w.StartedOn <= today && (w.EndedOn == null || w.EndedOn >= today))
                .Where(w => db.Professionals.Any(p => p.Id == w.ProfessionalId && p.IsActive))
                .ToListAsync(cancellationToken);
        return parents.GroupBy(p => p.Child)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => workers.Where(w => w.AdultId == p.Parent)).ToList());
    }

    private static async Task<List<(PersonId Child, PersonId Parent)>> ParentsOfAsync(CairnDbContext db, IReadOnlyList<PersonId> children,
        CancellationToken cancellationToken) =>
        (await db.Relationships.AsNoTracking()
            .Where(r => children.Contains(r.ToPersonId) && (r.Type == RelationshipType.Parent || r.Type == RelationshipType.StepParent)
                        && r.EndedOn == null)
            .Select(r => new { r.ToPersonId, r.FromPersonId }).ToListAsync(cancellationToken))
        .Select(r => (r.ToPersonId, r.FromPersonId)).Distinct().ToList();
}
