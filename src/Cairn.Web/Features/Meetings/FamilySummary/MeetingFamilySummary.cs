using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.FamilySummary;

/// <summary>One thing the plan says someone will do, by when.</summary>
public sealed record FamilyActionView(string What, string Who, string Agency, DateOnly By);

/// <summary>One outcome of the plan and what each person will do towards it.</summary>
public sealed record FamilyOutcomeView(string Title, IReadOnlyList<FamilyActionView> Actions);

/// <summary>The family's summary of one held meeting (L54).</summary>
public sealed record MeetingFamilySummaryView(MeetingId Id, PersonId ChildId, string ChildName, string Meeting, DateOnly HeldOn,
    IReadOnlyList<string> Decided, string? Summary, string? ChildsView, string? ParentsView, string? Plan, IReadOnlyList<FamilyOutcomeView> Outcomes,
    string? NextMeeting);

/// <summary>
/// After a meeting, a plain-English, printable summary for the family (L54): what was decided, who will do what by when (the
/// actions of the child's current plan, with their owners), the next meeting, and the child's and parents' views as the minutes
/// record them. Only about this child: nothing restricted and nothing about anyone else. Audited as every read is.
/// </summary>
public sealed class MeetingFamilySummaryHandler(CairnDbContext db, MeetingAccessHandler meetings, AuditLog audit)
{
    /// <returns>Null when the meeting does not exist, has not been held, or the viewer may not open the child's record.</returns>
    public async Task<MeetingFamilySummaryView?> HandleAsync(MeetingId id, CancellationToken cancellationToken)
    {
        if (await meetings.ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return null;
        }

        var decision = await meetings.OpenAsync(child, cancellationToken);
        var m = await db.Meetings.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        if (!decision.Allowed || m.Status != MeetingStatus.Held)
        {
            return null;
        }

        var childName = await db.People.Where(p => p.Id == child).Select(p => p.GivenName).SingleAsync(cancellationToken);
        var plan = await meetings.CurrentPlanAsync(child, m.Kind, cancellationToken);

        await audit.RecordReadAsync("meeting.family-summary.view", child, decision.Reason.ToString(), cancellationToken);
        var next = await db.Meetings.AsNoTracking().Where(x => x.ChildId == child && x.Status == MeetingStatus.Scheduled)
            .OrderBy(x => x.ScheduledAt == null).ThenBy(x => x.ScheduledAt).ThenBy(x => x.DueOn)
            .Select(x => new { x.Kind, x.ScheduledAt, x.DueOn }).FirstOrDefaultAsync(cancellationToken);
        var decided = new List<string>();
        if (m.PlanDecision != PlanDecision.None)
        {
            decided.Add(Plain(m.PlanDecision, childName));
        }

        if (m.PlanChanges is { } changes)
        {
            decided.Add($"Changes to the plan: {changes}");
        }

        var nextMeeting = next is not null
            ? $"The next meeting is the {MeetingTypes.Of(next.Kind).Name.ToLowerInvariant()}, "
              + (next.ScheduledAt is { } at ? $"on {Shared.Display.DateTime(at)}" : $"due by {Shared.Display.Date(next.DueOn)}") + "."
            : m.NextMeetingOn is { } on ? $"The next meeting is planned for {Shared.Display.Date(on)}." : null;
        return new MeetingFamilySummaryView(id, child, childName, m.Type.Name, m.HeldOn!.Value, decided, m.FamilySummary, m.ChildsView,
            m.ParentsView, plan?.TypeName, await OutcomesAsync(plan, cancellationToken), nextMeeting);
    }

    /// <summary>Each outcome of the plan in force, with its actions as they stand now (an action changed since is shown as changed).</summary>
    private async Task<IReadOnlyList<FamilyOutcomeView>> OutcomesAsync(Plan? plan, CancellationToken cancellationToken)
    {
        if (plan?.Current is not { } current)
        {
            return [];
        }

        var live = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.InForce).ToDictionaryAsync(a => a.Key, cancellationToken);
        var owners = current.Actions.Select(a => a.Owner).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => owners.Contains(p.Id))
            .Join(db.Agencies, p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.Name, Agency = a.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return current.Sections.Where(s => s.Kind == PlanSectionKind.Outcome).Select(s => new FamilyOutcomeView(s.Title, s.Actions.Select(a =>
        {
            var now = live.GetValueOrDefault(a.Key);
            var owner = names.GetValueOrDefault(a.Owner);
            return new FamilyActionView(now?.What ?? a.What, owner?.Name ?? "", owner?.Agency ?? "", now?.DueOn ?? a.DueOn);
        }).ToList())).ToList();
    }

    private static string Plain(PlanDecision decision, string child) => decision switch
    {
        PlanDecision.StartChildProtectionPlan =>
            $"Everyone agreed {child} needs a child protection plan to keep them safe. We will all work on it together.",
        PlanDecision.ContinueChildProtectionPlan => $"Everyone agreed {child} still needs the child protection plan, so it carries on.",
        PlanDecision.EndChildProtectionPlan => $"Everyone agreed {child} no longer needs a child protection plan, so it has ended.",
        _ => $"The meeting decided {child} does not need a child protection plan.",
    };
}
