using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>
/// What follows a held meeting (L16, L22). A conference's decision takes effect through the plan and the legal status: one
/// that starts a child protection plan makes the child's legal status Child protection plan with its category (a looked-after
/// child keeps theirs), names the lead child protection practitioner (history kept) and starts the plan as a draft for the
/// core group to develop; a review that continues the plan with another category records the new category; one that ends it
/// ends the plan, makes the child a child in need and ends the lead practitioner's role. Then the meetings the type requires
/// next are scheduled with their due dates (a conference that starts a plan: the first core group in 10 working days and the
/// first review in 3 months; a review that continues the plan: the next in 6 months; a looked-after review: the next at 3,
/// then 6 months), and a conference that ends the plan cancels the core groups and reviews still to come. Every change is
/// audited. The caller saves, in the same unit of work as the meeting.
/// </summary>
public sealed class MeetingFollowOnHandler(CairnDbContext db, MeetingSchedulingHandler scheduler, AuditLog audit)
{
    public const string PlanEndedReason = "The child protection plan ended at a review conference";

    /// <summary>What an outline plan's sections say until the core group writes them.</summary>
    public const string ToBeWritten = "To be written by the core group from the conference's outline plan";

    /// <summary>Makes the decisions take effect, schedules what follows and cancels what no longer will; returns what was done, in words.</summary>
    public async Task<IReadOnlyList<string>> AfterHeldAsync(Meeting meeting, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
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
                done.AddRange(await StartPlanAsync(meeting, held, by, now, cancellationToken));
                next.Add((MeetingKind.CoreGroup, 1, null));
                next.Add((MeetingKind.ReviewChildProtectionConference, 1, null));
                break;
            case MeetingKind.ReviewChildProtectionConference when meeting.PlanDecision == PlanDecision.ContinueChildProtectionPlan:
                if (await ChangeCategoryAsync(meeting, held, by, now, cancellationToken) is { } changed)
                {
                    done.Add(changed);
                }

                next.Add((meeting.Kind, meeting.Number + 1, MeetingTypes.Of(meeting.Kind).ThenEvery));
                break;
            case MeetingKind.ReviewChildProtectionConference when meeting.PlanDecision == PlanDecision.EndChildProtectionPlan:
                done.AddRange(await EndPlanAsync(meeting, held, by, now, cancellationToken));
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

    /// <summary>The sections of the outline plan a conference starts: an outcome, and the child's and family's views, all to be written.</summary>
    public static IReadOnlyList<PlanSectionDraft> OutlineSections =>
    [
        new() { Kind = PlanSectionKind.Outcome, Title = "The child is safe from significant harm", Text = ToBeWritten },
        new() { Kind = PlanSectionKind.ChildsView, Text = ToBeWritten },
        new() { Kind = PlanSectionKind.FamilysView, Text = ToBeWritten },
    ];

    private async Task<IEnumerable<string>> StartPlanAsync(Meeting meeting, DateOnly held, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var child = meeting.ChildId;
        var current = await CurrentStatusAsync(child, cancellationToken);
        if (current?.Kind is null or LegalStatusKind.None or LegalStatusKind.EarlyHelp or LegalStatusKind.ChildInNeed
            or LegalStatusKind.Section47Enquiry)
        {
            done.Add(ChangeStatus(meeting, current, LegalStatusKind.ChildProtectionPlan, meeting.Category, held,
                "Child protection plan started at the initial child protection conference", by, now));
        }
        else
        {
            // A looked-after child keeps their status (it is never lowered); a child already on a plan keeps theirs.
            done.Add($"Legal status stays {Display.Text(current.Kind)}");
        }

        if (meeting.LeadPractitionerId is { } lead)
        {
            var named = await db.LeadPractitioners.Where(l => l.ChildId == child && l.To == null).FirstOrDefaultAsync(cancellationToken);
            var isSocialWorker = await db.Professionals.AnyAsync(p => p.Id == lead && p.IsActive
                && db.Agencies.Any(a => a.Id == p.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare), cancellationToken);
            var outcome = LeadPractitioner.Name(child, named, lead, isSocialWorker, held, meeting.Id, null, by, now);
            if (outcome.Value is { } practitioner)
            {
                db.LeadPractitioners.Add(practitioner);
                audit.Record("lead-practitioner.name", child, MeetingAccessHandler.RecordType, meeting.Id.Value, detail: "conference");
                done.Add("Lead child protection practitioner named");
            }
            else if (named?.ProfessionalId != lead)
            {
                done.Add($"Lead child protection practitioner not named: {outcome.Refusal!.Errors[0].Message}");
            }
        }

        if (await db.Plans.AnyAsync(p => p.ChildId == child && p.Type == PlanType.ChildProtection && p.Status != PlanStatus.Ended, cancellationToken))
        {
            done.Add("The child already has a child protection plan: no new plan started");
            return done;
        }

        var planLead = meeting.LeadPractitionerId ?? meeting.OwnerId;
        var started = Plan.Start(child, PlanType.ChildProtection, meeting.Category, planLead, OutlineSections, _ => null, by, now);
        if (started.Value is { } plan)
        {
            db.Plans.Add(plan);
            audit.Record("plan.start", child, "plan", plan.Id.Value, detail: "conference");
            done.Add("Child protection plan started as a draft for the core group to develop");
        }

        return done;
    }

    private async Task<string?> ChangeCategoryAsync(Meeting meeting, DateOnly held, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var current = await CurrentStatusAsync(meeting.ChildId, cancellationToken);
        return current is { Kind: LegalStatusKind.ChildProtectionPlan } && meeting.Category is { } category && current.Category != category
            ? ChangeStatus(meeting, current, LegalStatusKind.ChildProtectionPlan, category, held,
                $"Category changed to {Display.Text(category)} at the review child protection conference", by, now)
            : null;
    }

    private async Task<IEnumerable<string>> EndPlanAsync(Meeting meeting, DateOnly held, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var child = meeting.ChildId;
        var plans = await db.Plans.Include(p => p.Versions)
            .Where(p => p.ChildId == child && p.Type == PlanType.ChildProtection && p.Status != PlanStatus.Ended).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            var on = plan.StartedOn is { } started && held < started ? started : held;
            if (plan.End(on, PlanEndedReason, plan.Version, now) is null)
            {
                PlanAction.EndAll(await db.PlanActions.Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken));
                audit.Record("plan.end", child, "plan", plan.Id.Value, detail: "conference");
                done.Add("Child protection plan ended");
            }
        }

        var current = await CurrentStatusAsync(child, cancellationToken);
        if (current is { Kind: LegalStatusKind.ChildProtectionPlan })
        {
            done.Add(ChangeStatus(meeting, current, LegalStatusKind.ChildInNeed, null, held, "Child protection plan ended at the review conference",
                by, now));
        }

        if (await db.LeadPractitioners.Where(l => l.ChildId == child && l.To == null).FirstOrDefaultAsync(cancellationToken) is { } lead)
        {
            lead.End(held);
            audit.Record("lead-practitioner.end", child, MeetingAccessHandler.RecordType, meeting.Id.Value, detail: "plan ended");
            done.Add("Lead child protection practitioner's role ended");
        }

        return done;
    }

    /// <summary>
    /// Records a new legal status from the day the meeting was held. History is kept by day, so a change on or before the current
    /// status's first day is not made, and the words say so.
    /// </summary>
    private string ChangeStatus(Meeting meeting, LegalStatus? current, LegalStatusKind kind, ChildProtectionCategory? category, DateOnly from,
        string reason, ProfessionalId by, DateTimeOffset now)
    {
        if (current is not null && from <= current.From)
        {
            return $"Legal status not changed: it already changed on {current.From:d MMMM yyyy}. "
                   + $"Record {Display.Text(kind)} on the legal status page";
        }

        var changed = LegalStatus.Change(current, meeting.ChildId, kind, category, from, reason, by, now);
        if (changed.Value is not { } status)
        {
            return $"Legal status not changed: {changed.Refusal!.Errors[0].Message}";
        }

        db.LegalStatuses.Add(status);
        audit.Record("legal-status.change", meeting.ChildId, "legal-status", status.Id.Value, detail: "meeting.hold");
        return $"Legal status is now {Display.Text(kind)}" + (category is { } c ? $" ({Display.Text(c)})" : "");
    }

    private Task<LegalStatus?> CurrentStatusAsync(PersonId child, CancellationToken cancellationToken) =>
        db.LegalStatuses.Where(s => s.ChildId == child && s.To == null).FirstOrDefaultAsync(cancellationToken);

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
