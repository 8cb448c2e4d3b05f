using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Agencies;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.EarlyHelp;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans;

/// <summary>What a change to a plan left: where it stands, the version to send next and the draft's number, if any.</summary>
public sealed record ChangedPlan(PlanId Id, PersonId ChildId, PlanStatus Status, int Version, int? DraftNumber)
{
    /// <summary>The meeting the change scheduled (a child in need review, a team around the family meeting), in words; null when none.</summary>
    public string? Scheduled { get; init; }

    public static ChangedPlan Of(Plan p) => new(p.Id, p.ChildId, p.Status, p.Version, p.Draft?.Number);
}

/// <summary>A professional who can lead a plan or own one of its actions.</summary>
public sealed record ProfessionalOption(ProfessionalId Id, string Name, string JobTitle, string Agency);

/// <summary>
/// What the plan slices share (L22, L23, L24): who may write a child's plans, who may own an action, how the legal status
/// follows a child protection plan, and the one path every change to an existing plan takes (read, check access, change,
/// audit, save or conflict). Reading a plan needs only the child's record; writing an early help plan needs whoever may
/// manage the child's early help; writing any other plan needs a children's social care professional who may open the record.
/// </summary>
public sealed class PlanAccessHandler(CairnDbContext db, RecordAccessService access, EarlyHelpAccessHandler earlyHelp, CurrentUser user,
    AuditLog audit, TimeProvider clock)
{
    public const string SocialCareOnly =
        "Only a children's social care professional who may open the child's record can write or change this plan";

    public const string EarlyHelpOnly =
        "Only the child's lead professional, an early help worker in the team around the child, or children's social care "
        + "can write or change an early help plan";

    /// <summary>The types of plan as a form offers them.</summary>
    public static IEnumerable<(string Value, string Text)> TypeOptions => Enum.GetValues<PlanType>().Select(t => (t.ToString(), NameOf(t)));

    public static string NameOf(PlanType type) => type switch
    {
        PlanType.ChildInNeed => "Child in need plan",
        PlanType.ChildProtection => "Child protection plan",
        PlanType.Care => "Care plan",
        PlanType.EarlyHelp => "Early help plan",
        PlanType.Placement => "Placement plan",
        _ => "Pathway plan",
    };

    /// <summary>The child a plan is for; null when there is no such plan.</summary>
    public async Task<PersonId?> ChildOfAsync(PlanId id, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => (PersonId?)p.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the viewer, who may open the child's record, may write a plan of this type for the child.</summary>
    public async Task<bool> MayWriteAsync(PersonId childId, AccessDecision decision, PlanType? type, CancellationToken cancellationToken)
    {
        if (!decision.Allowed)
        {
            return false;
        }

        return type == PlanType.EarlyHelp
            ? await earlyHelp.MayManageAsync(childId, decision, null, cancellationToken)
            : await IsSocialCareAsync(cancellationToken);
    }

    /// <summary>Whether the viewer works for children's social care.</summary>
    public Task<bool> IsSocialCareAsync(CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.ChildrensSocialCare, cancellationToken);

    /// <summary>A step that is not the viewer's to take (403), audited as every refusal is.</summary>
    public static Refusal NotTheirs(PlanType? type) =>
        Refusal.NotAllowed("Plan", type == PlanType.EarlyHelp ? EarlyHelpOnly : SocialCareOnly);

    /// <summary>
    /// Looks up the agency of each owner named (L23): an active professional's agency, or null for anyone else, so that the
    /// domain refuses an action owned by someone who has left or does not exist.
    /// </summary>
    public async Task<Func<ProfessionalId, AgencyId?>> AgencyOfAsync(IEnumerable<ProfessionalId?> people, CancellationToken cancellationToken)
    {
        var ids = people.OfType<ProfessionalId>().Distinct().ToList();
        var agencies = await db.Professionals.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive)
            .ToDictionaryAsync(p => p.Id, p => p.AgencyId, cancellationToken);
        return p => agencies.TryGetValue(p, out var agency) ? agency : null;
    }

    /// <summary>The owners named in the sections written.</summary>
    public static IEnumerable<ProfessionalId?> OwnersOf(IEnumerable<PlanSectionDraft> sections) =>
        sections.SelectMany(s => s.Actions).Select(a => a.Owner);

    /// <summary>Whether the professional is active (a lead must be).</summary>
    public Task<bool> IsActiveAsync(ProfessionalId? professional, CancellationToken cancellationToken) =>
        professional is { } p ? db.Professionals.AnyAsync(x => x.Id == p && x.IsActive, cancellationToken) : Task.FromResult(false);

    /// <summary>Every active professional in the viewer's area, by name: who can lead a plan or own an action.</summary>
    public async Task<IReadOnlyList<ProfessionalOption>> ProfessionalsAsync(CancellationToken cancellationToken) =>
        (await AreaProfessionals.ActiveAsync(db, user.AreaId, cancellationToken))
        .Select(x => new ProfessionalOption(x.Id, x.Name, x.JobTitle, x.Agency)).ToList();

    /// <summary>
    /// Changes an existing plan: not found when the plan does not exist or the viewer may not open the child's record;
    /// not allowed (403) when writing this plan is not theirs; otherwise <paramref name="change"/> changes the plan (and
    /// anything that follows from it) and the change is audited under <paramref name="action"/> and saved or answered with a
    /// conflict. Every refusal is audited under <paramref name="action"/> too (<see cref="RefusedChanges"/>).
    /// </summary>
    public async Task<Handled<ChangedPlan>> ChangeAsync(PlanId id, string action, Func<Plan, DateTimeOffset, Task<Refusal?>> change,
        CancellationToken cancellationToken)
    {
        if (await ChildOfAsync(id, cancellationToken) is not { } child)
        {
            return Handled.NotFound;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangePlanAsync(id, decision, action, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, "plan", id.Value, cancellationToken);
    }

    private async Task<Handled<ChangedPlan>> ChangePlanAsync(PlanId id, AccessDecision decision, string action,
        Func<Plan, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.Include(p => p.Versions).SingleAsync(p => p.Id == id, cancellationToken);
        if (!await MayWriteAsync(plan.ChildId, decision, plan.Type, cancellationToken))
        {
            return NotTheirs(plan.Type);
        }

        if (await change(plan, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, plan.ChildId, "plan", id.Value, detail: $"version {plan.Draft?.Number ?? plan.Current?.Number}");
        return await db.SaveOrConflictAsync(Plan.Stale, cancellationToken) is { } conflict ? conflict : ChangedPlan.Of(plan);
    }

    /// <summary>
    /// A child protection plan agreed for the first time records the legal status Child protection plan, with its category, when
    /// the child's status is lower (none, early help, child in need, a section 47 enquiry); a looked-after child keeps their status.
    /// </summary>
    public async Task RecordChildProtectionStatusAsync(Plan plan, DateOnly from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await CurrentStatusAsync(plan.ChildId, cancellationToken);
        if (current is not null && (current.Kind is not (LegalStatusKind.None or LegalStatusKind.EarlyHelp or LegalStatusKind.ChildInNeed
                or LegalStatusKind.Section47Enquiry) || from <= current.From))
        {
            return;
        }

        Record(LegalStatus.Change(current, plan.ChildId, LegalStatusKind.ChildProtectionPlan, plan.Category, from,
            "Child protection plan agreed", user.ProfessionalId, now), "plan.agree");
    }

    /// <summary>Ending a child protection plan makes the child a child in need, when their status is still the plan's.</summary>
    public async Task RecordPlanEndedStatusAsync(Plan plan, DateOnly from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await CurrentStatusAsync(plan.ChildId, cancellationToken);
        if (current is null || current.Kind != LegalStatusKind.ChildProtectionPlan || from <= current.From)
        {
            return;
        }

        Record(LegalStatus.Change(current, plan.ChildId, LegalStatusKind.ChildInNeed, null, from, "Child protection plan ended",
            user.ProfessionalId, now), "plan.end");
    }

    private Task<LegalStatus?> CurrentStatusAsync(PersonId child, CancellationToken cancellationToken) =>
        db.LegalStatuses.Where(s => s.ChildId == child && s.To == null).FirstOrDefaultAsync(cancellationToken);

    private void Record(Outcome<LegalStatus> changed, string because)
    {
        if (changed.Value is { } status)
        {
            db.LegalStatuses.Add(status);
            audit.Record("legal-status.change", status.ChildId, "legal-status", status.Id.Value, detail: because);
        }
    }
}
