using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Casework.FamilySummary;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.FamilySummary;

/// <summary>The family's summary of one held meeting (L54).</summary>
public sealed record MeetingFamilySummaryView(MeetingId Id, PersonId ChildId, string ChildName, string Meeting, DateOnly HeldOn,
    IReadOnlyList<string> Decided, string? Summary, string? ChildsView, string? ParentsView, IReadOnlyList<FamilyPlan> Plans, string? NextMeeting);

/// <summary>
/// After a meeting, a plain-English, printable summary for the family (L54): what was decided, who will do what by when (the
/// actions of the child's plans in force, with their owners), the next meeting, and the child's and parents' views as the minutes
/// record them. Only about this child: nothing restricted and nothing about anyone else. Audited as every read is.
/// </summary>
public sealed class MeetingFamilySummaryHandler(CairnDbContext db, MeetingAccessHandler meetings, FamilySummaryHandler plans, AuditLog audit)
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
        if (!decision.Allowed || m.Status != MeetingStatus.Held || await plans.HandleAsync(child, cancellationToken) is not { } family)
        {
            return null;
        }

        await audit.RecordReadAsync("meeting.family-summary.view", child, decision.Reason.ToString(), cancellationToken);
        var next = await db.Meetings.AsNoTracking().Where(x => x.ChildId == child && x.Status == MeetingStatus.Scheduled)
            .OrderBy(x => x.ScheduledAt == null).ThenBy(x => x.ScheduledAt).ThenBy(x => x.DueOn)
            .Select(x => new { x.Kind, x.ScheduledAt, x.DueOn }).FirstOrDefaultAsync(cancellationToken);
        var decided = new List<string>();
        if (m.PlanDecision != PlanDecision.None)
        {
            decided.Add(Plain(m.PlanDecision, family.ChildName));
        }

        if (m.PlanChanges is { } changes)
        {
            decided.Add($"Changes to the plan: {changes}");
        }

        var nextMeeting = next is not null
            ? $"The next meeting is the {MeetingTypes.Of(next.Kind).Name.ToLowerInvariant()}, "
              + (next.ScheduledAt is { } at ? $"on {Shared.Display.DateTime(at)}" : $"due by {Shared.Display.Date(next.DueOn)}") + "."
            : m.NextMeetingOn is { } on ? $"The next meeting is planned for {Shared.Display.Date(on)}." : null;
        return new MeetingFamilySummaryView(id, child, family.ChildName, m.Type.Name, m.HeldOn!.Value, decided, m.FamilySummary, m.ChildsView,
            m.ParentsView, family.Plans, nextMeeting);
    }

    private static string Plain(PlanDecision decision, string child) => decision switch
    {
        PlanDecision.StartChildProtectionPlan => $"Everyone agreed {child} needs a child protection plan to keep them safe. We will all work on it together.",
        PlanDecision.ContinueChildProtectionPlan => $"Everyone agreed {child} still needs the child protection plan, so it carries on.",
        PlanDecision.EndChildProtectionPlan => $"Everyone agreed {child} no longer needs a child protection plan, so it has ended.",
        _ => $"The meeting decided {child} does not need a child protection plan.",
    };
}
