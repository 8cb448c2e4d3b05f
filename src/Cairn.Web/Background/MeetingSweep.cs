using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Escalation;
using Cairn.Domain.Meetings;
using Cairn.Domain.Time;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Background;

/// <summary>
/// Schedules the meetings requested that are not already scheduled from their triggers, as Cairn itself, in the caller's unit of
/// work; returns those scheduled, not yet audited (the caller writes their audit entries in one batch). The meetings feature
/// provides it (the scheduling handler), so the sweep depends on no feature.
/// </summary>
public interface IMeetingScheduler
{
    Task<IReadOnlyList<Meeting>> ScheduleAsync(IReadOnlyList<MeetingRequest> requests, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Statutory meetings in the background (issue #14, L16, L21):
/// <list type="bullet">
/// <item>Escalation: a meeting past its due date and not held, or held and its minutes past theirs and not sent, climbs one rung
/// of the ladder per sweep, recorded on the meeting, told through the notification outbox and written to the audit log (with no
/// signed-in actor) in the same transaction. Rung 1 tells the meeting's owner and their team manager; rung 2 the safeguarding
/// leads; rung 3 the heads of service. Each meeting's version check makes every escalation happen exactly once.</item>
/// <item>Scheduling catch-up, so nothing falls through however it arrived (an import, a status recorded before meetings
/// existed, a step whose follow-on failed): an enquiry authorised at continuing risk with no initial conference; a child looked
/// after with no looked-after review to come; a child on a child protection plan with no review conference to come. Each gets
/// the meeting its trigger requires, keyed as the trigger would have keyed it, so the unique (trigger, kind, number) index
/// makes it happen once however often the sweep runs or races; a lost race is read again, nothing lost. The candidates are
/// found by a few set-based queries over the whole area, and scheduled a batch at a time.</item>
/// </list>
/// </summary>
public sealed class MeetingSweep(CairnDbContext db, AuditLog audit, WorkingCalendarSource calendars, IMeetingScheduler scheduler,
    ILogger<MeetingSweep> log)
{
    public const int ScheduleBatchSize = 200;

    /// <summary>The record type a meeting is audited under (as the meeting pages audit it).</summary>
    public const string MeetingRecordType = "meeting";

    private static readonly LegalStatusKind[] LookedAfterKinds = [.. LookedAfter.Kinds];

    private readonly LadderSweep _ladder = new(db);

    /// <summary>Overdue meetings and overdue minutes, one rung each.</summary>
    public async Task<int> EscalateAsync(DateTimeOffset now, EscalationLadder? ladder = null, CancellationToken cancellationToken = default)
    {
        var ladderToClimb = ladder ?? EscalationLadder.Default;
        var calendar = await calendars.GetAsync(cancellationToken);
        var managers = await TeamManagers.ActiveAsync(db, cancellationToken);
        var escalated = await _ladder.RunAsync(
            () => db.Meetings.Where(m => m.NextEscalationAt != null && m.NextEscalationAt <= now).OrderBy(m => m.NextEscalationAt),
            m => m.Id.Value,
            batch => _ladder.AreasOfChildrenAsync(batch.Select(m => (m.Id.Value, m.ChildId)), cancellationToken),
            (meeting, people) =>
            {
                if (meeting.Sweep(now, ladderToClimb, calendar) is not { } escalation)
                {
                    return false;
                }

                var what = escalation.Minutes
                    ? $"Minutes of the {meeting.Type.Name.ToLowerInvariant()} not sent"
                    : $"{meeting.Type.Name} not held";
                _ladder.Tell(LadderSweep.Audience(escalation.Audience, people, LadderSweep.OwnerAndManager(escalation.Owner, people, managers)),
                    "meeting.escalated", $"{what} (due {escalation.DueOn:d MMMM yyyy}): escalation level {escalation.Level}",
                    $"/meetings/{meeting.Id.Value}", now);
                audit.Record("meeting.escalate", meeting.ChildId, MeetingRecordType, meeting.Id.Value,
                    detail: $"{(escalation.Minutes ? "minutes " : "")}level {escalation.Level}");
                return true;
            },
            cancellationToken);
        if (escalated > 0)
        {
            log.LogInformation("Meeting sweep escalated {Escalated} meetings", escalated);
        }

        return escalated;
    }

    /// <summary>Schedules every meeting a trigger requires and nobody scheduled; returns how many.</summary>
    public async Task<int> ScheduleMissingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var scheduled = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var requests = await MissingAsync(now, cancellationToken);
                foreach (var batch in requests.Chunk(ScheduleBatchSize))
                {
                    // Each batch in one transaction: its meetings in one SaveChanges, then their audit entries in one multi-row
                    // INSERT on the end of the chain (not one tracked entry per meeting), committed together.
                    await using var transaction = db.Database.CurrentTransaction is null
                        ? await db.Database.BeginTransactionAsync(cancellationToken)
                        : null;
                    var made = await scheduler.ScheduleAsync(batch, now, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await audit.RecordManyAsync("meeting.schedule-auto",
                        made.Select(m => (m.ChildId, MeetingRecordType, m.Id.Value, (string?)m.Kind.ToString())), cancellationToken);
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }

                    db.ChangeTracker.Clear();
                    scheduled += made.Count;
                }

                break;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 5)
            {
                // Another sweep, or the step itself, scheduled one of these first (the unique index): read again.
                db.ChangeTracker.Clear();
                log.LogInformation(e, "Meeting sweep lost a race scheduling meetings; reading again");
            }
        }

        if (scheduled > 0)
        {
            log.LogInformation("Meeting sweep scheduled {Scheduled} missing meetings", scheduled);
        }

        return scheduled;
    }

    /// <summary>What is missing, over the whole database: a few set-based queries, then a few more for the children found.</summary>
    public async Task<List<MeetingRequest>> MissingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = await MissingConferencesAsync(now, cancellationToken);
        requests.AddRange(await MissingLookedAfterReviewsAsync(now, cancellationToken));
        requests.AddRange(await MissingReviewConferencesAsync(now, cancellationToken));
        return requests;
    }

    /// <summary>Enquiries authorised at continuing risk with no initial conference for the child since the enquiry began.</summary>
    private async Task<List<MeetingRequest>> MissingConferencesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var enquiries = await db.Section47Enquiries.AsNoTracking()
            .Where(e => e.Status == Section47Status.Completed && e.Outcome == Section47Outcome.SubstantiatedAtContinuingRisk
                        && !db.Meetings.Any(m => m.ChildId == e.ChildId && m.Kind == MeetingKind.InitialChildProtectionConference
                                                 && m.TriggeredOn >= e.StartedOn))
            .Select(e => new { e.Id, e.ChildId, e.StartedOn, e.LeadSocialWorkerId })
            .ToListAsync(cancellationToken);
        return enquiries.Select(e => new MeetingRequest(e.ChildId, new MeetingTriggerFacts(MeetingKind.InitialChildProtectionConference, 1,
            MeetingTrigger.Section47Enquiry, e.Id.Value, e.StartedOn, now), e.LeadSocialWorkerId)).ToList();
    }

    /// <summary>
    /// Children looked after now with no looked-after review to come: the next after the last held since they became looked
    /// after (as holding it would have scheduled), or else the first, 20 working days from the day they became looked after.
    /// </summary>
    private async Task<List<MeetingRequest>> MissingLookedAfterReviewsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var children = await db.LegalStatuses.AsNoTracking()
            .Where(s => s.To == null && LookedAfterKinds.Contains(s.Kind)
                        && !db.Meetings.Any(m => m.ChildId == s.ChildId && m.Kind == MeetingKind.LookedAfterReview
                                                 && m.Status == MeetingStatus.Scheduled))
            .Select(s => s.ChildId).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var facts = await FactsAsync(children, [MeetingKind.LookedAfterReview], now, cancellationToken);
        var type = MeetingTypes.Of(MeetingKind.LookedAfterReview);
        var requests = new List<MeetingRequest>();
        foreach (var child in children)
        {
            var (began, _) = Period(facts.Statuses[child], LookedAfter.Is);
            var last = facts.Held.GetValueOrDefault(child)?.Where(m => m.HeldOn >= began.From).MaxBy(m => (m.HeldOn, m.Number));
            var trigger = last is null
                ? new MeetingTriggerFacts(type.Kind, 1, MeetingTrigger.BecameLookedAfter, began.Id.Value, began.From, now)
                : new MeetingTriggerFacts(type.Kind, last.Number + 1, MeetingTrigger.PreviousMeeting, last.Id.Value, last.HeldOn, now,
                    MeetingSchedule.Following(type, last.Number));
            requests.Add(new MeetingRequest(child, trigger, facts.OwnerOf(child, began)));
        }

        return requests;
    }

    /// <summary>
    /// Children on a child protection plan now with no review conference (nor an initial one) to come: the next after the
    /// conference that started or last continued the plan (as holding it would have scheduled), or else the first, 3 months
    /// from the day the plan began.
    /// </summary>
    private async Task<List<MeetingRequest>> MissingReviewConferencesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var children = await db.LegalStatuses.AsNoTracking()
            .Where(s => s.To == null && s.Kind == LegalStatusKind.ChildProtectionPlan
                        && !db.Meetings.Any(m => m.ChildId == s.ChildId && m.Status == MeetingStatus.Scheduled
                                                 && (m.Kind == MeetingKind.ReviewChildProtectionConference
                                                     || m.Kind == MeetingKind.InitialChildProtectionConference)))
            .Select(s => s.ChildId).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var facts = await FactsAsync(children, [MeetingKind.InitialChildProtectionConference, MeetingKind.ReviewChildProtectionConference], now,
            cancellationToken);
        var type = MeetingTypes.Of(MeetingKind.ReviewChildProtectionConference);
        var requests = new List<MeetingRequest>();
        foreach (var child in children)
        {
            var (began, before) = Period(facts.Statuses[child], kind => kind == LegalStatusKind.ChildProtectionPlan);
            // The conference that started the plan was held before its status began: count from the status before it.
            var since = before?.From ?? DateOnly.MinValue;
            var last = facts.Held.GetValueOrDefault(child)?.Where(m => m.HeldOn >= since).MaxBy(m => (m.HeldOn, m.Kind, m.Number));
            var trigger = last switch
            {
                { Kind: MeetingKind.InitialChildProtectionConference, Decision: PlanDecision.StartChildProtectionPlan } =>
                    new MeetingTriggerFacts(type.Kind, 1, MeetingTrigger.PreviousMeeting, last.Id.Value, last.HeldOn, now, type.FirstDue),
                { Kind: MeetingKind.ReviewChildProtectionConference, Decision: PlanDecision.ContinueChildProtectionPlan } =>
                    new MeetingTriggerFacts(type.Kind, last.Number + 1, MeetingTrigger.PreviousMeeting, last.Id.Value, last.HeldOn, now,
                        MeetingSchedule.Following(type, last.Number)),
                _ => new MeetingTriggerFacts(type.Kind, 1, MeetingTrigger.PlanAgreed, began.Id.Value, began.From, now),
            };
            requests.Add(new MeetingRequest(child, trigger, facts.OwnerOf(child, began)));
        }

        return requests;
    }

    /// <summary>The first status of the unbroken run the current one ends (the day the child became looked after), and the one before it.</summary>
    private static (StatusRow Began, StatusRow? Before) Period(List<StatusRow> statuses, Func<LegalStatusKind, bool> inRun)
    {
        var newestFirst = statuses.OrderByDescending(s => s.From).ToList();
        var began = newestFirst[0];
        foreach (var status in newestFirst.Skip(1))
        {
            if (!inRun(status.Kind))
            {
                return (began, status);
            }

            began = status;
        }

        return (began, null);
    }

    /// <summary>
    /// For the children found: their statuses, their held meetings of the kinds given and their allocated social workers, in
    /// three queries.
    /// </summary>
    private async Task<ChildFacts> FactsAsync(List<PersonId> children, MeetingKind[] kinds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = now.InLondon();
        var statuses = (await db.LegalStatuses.AsNoTracking().Where(s => children.Contains(s.ChildId))
                .Select(s => new StatusRow(s.ChildId, s.Id, s.Kind, s.From, s.RecordedBy)).ToListAsync(cancellationToken))
            .GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.ToList());
        var held = (await db.Meetings.AsNoTracking()
                .Where(m => children.Contains(m.ChildId) && kinds.Contains(m.Kind) && m.Status == MeetingStatus.Held && m.HeldOn != null)
                .Select(m => new HeldRow(m.ChildId, m.Id, m.Kind, m.Number, m.HeldOn!.Value, m.PlanDecision)).ToListAsync(cancellationToken))
            .GroupBy(m => m.ChildId).ToDictionary(g => g.Key, g => g.ToList());
        var workers = (await db.Involvements.AsNoTracking()
                .Where(i => children.Contains(i.ChildId) && i.Role == InvolvementRole.AllocatedSocialWorker && i.StartedOn <= today
                            && (i.EndedOn == null || i.EndedOn >= today))
                .Select(i => new { i.ChildId, i.ProfessionalId, i.StartedOn }).ToListAsync(cancellationToken))
            .GroupBy(i => i.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.StartedOn)!.ProfessionalId);
        return new ChildFacts(statuses, held, workers);
    }

    private sealed record StatusRow(PersonId ChildId, LegalStatusId Id, LegalStatusKind Kind, DateOnly From, ProfessionalId RecordedBy);

    private sealed record HeldRow(PersonId ChildId, MeetingId Id, MeetingKind Kind, int Number, DateOnly HeldOn, PlanDecision Decision);

    private sealed record ChildFacts(Dictionary<PersonId, List<StatusRow>> Statuses, Dictionary<PersonId, List<HeldRow>> Held,
        Dictionary<PersonId, ProfessionalId> Workers)
    {
        /// <summary>Who arranges the meeting: the child's allocated social worker, or whoever recorded the status.</summary>
        public ProfessionalId OwnerOf(PersonId child, StatusRow began) => Workers.TryGetValue(child, out var worker) ? worker : began.RecordedBy;
    }
}
