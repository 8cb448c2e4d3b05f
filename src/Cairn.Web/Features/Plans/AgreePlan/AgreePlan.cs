using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Features.Meetings;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.AgreePlan;

public sealed record AgreePlanCommand
{
    public DateOnly? AgreedOn { get; init; }

    /// <summary>Where it was agreed: a conference, a core group, a review, a meeting with the family.</summary>
    public string? AgreedAt { get; init; }

    public int? Version { get; init; }
}

/// <summary>
/// Agrees the draft (L22, L23, L24, L54): refused while a carried section is not reviewed, without an outcome with an action, or
/// without the child's and the family's views. The live actions follow the version agreed (new ones added, changed ones updated,
/// dropped ones out of force); a child protection plan agreed for the first time records the legal status Child protection plan.
/// A child in need plan agreed for the first time schedules the first child in need review, and an early help plan the first
/// team around the family meeting, each arranged by the plan's lead (L16). A care plan agreed meets the child's care plan due
/// (T15, <see cref="CarePlanDue"/>), late or not, and stops its escalation.
/// </summary>
public sealed class AgreePlanHandler(CairnDbContext db, PlanAccessHandler plans, CurrentUser user, WorkingCalendarSource calendars,
    MeetingSchedulingHandler meetings, Cairn.Web.Auditing.AuditLog audit)
{
    public async Task<Handled<ChangedPlan>> HandleAsync(PlanId id, AgreePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        string? scheduled = null;
        var handled = await plans.ChangeAsync(id, "plan.agree", async (plan, now) =>
        {
            var first = plan.StartedOn is null;
            if (plan.Agree(command.AgreedOn, command.AgreedAt, user.ProfessionalId, command.Version ?? 0, now) is { } refused)
            {
                return refused;
            }

            var existing = await db.PlanActions.Where(a => a.PlanId == id).ToListAsync(cancellationToken);
            var calendar = await calendars.GetAsync(cancellationToken);
            db.PlanActions.AddRange(PlanAction.Sync(plan, plan.Current!, existing, calendar, now));
            if (first && plan.Type == PlanType.ChildProtection)
            {
                await plans.RecordChildProtectionStatusAsync(plan, command.AgreedOn!.Value, now, cancellationToken);
            }

            if (plan.Type == PlanType.Care)
            {
                foreach (var due in await db.CarePlansDue.Where(c => c.ChildId == plan.ChildId && c.Status == CarePlanDueStatus.Open)
                             .ToListAsync(cancellationToken))
                {
                    due.Meet(plan.Id, command.AgreedOn!.Value);
                    audit.Record("care-plan-due.met", plan.ChildId, "care-plan-due", due.Id.Value);
                }
            }

            if (first && FirstMeeting(plan.Type) is { } kind
                && await meetings.ScheduleAsync(plan.ChildId, new MeetingTriggerFacts(kind, 1, MeetingTrigger.PlanAgreed, plan.Id.Value,
                    command.AgreedOn!.Value, now), plan.LeadId, user.ProfessionalId, now, cancellationToken) is { } meeting)
            {
                scheduled = $"{meeting.Type.Name} scheduled, due by {meeting.DueOn:d MMMM yyyy}";
            }

            return null;
        }, cancellationToken);
        return handled.Then(p => p with { Scheduled = scheduled });
    }

    /// <summary>The meeting that reviews a plan of this type, scheduled when it is first agreed; null for none.</summary>
    public static MeetingKind? FirstMeeting(PlanType type) => type switch
    {
        PlanType.ChildInNeed => MeetingKind.ChildInNeedReview,
        PlanType.EarlyHelp => MeetingKind.TeamAroundTheFamily,
        _ => null,
    };
}

public sealed class AgreePlanEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/plans/{id:guid}/agree", AgreeAsync)
            .WithName("AgreePlan")
            .WithSummary("Agrees the draft version, with the date and where it was agreed. Refused while any carried section is not "
                         + "reviewed, without an outcome with an action, or without the child's and family's views (L22, L24, L54).")
            .WithTags("Plans");

    private static async Task<Results<Ok<ChangedPlan>, ValidationProblem, ProblemHttpResult, NotFound>> AgreeAsync(Guid id,
        AgreePlanCommand command, AgreePlanHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlanId(id), command, cancellationToken)).ToApiResult();
}
