using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Casework;
using Cairn.Domain.Children;
using Cairn.Domain.EarlyHelp;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Plans.StartPlan;

public sealed record StartPlanCommand
{
    public PlanType? Type { get; init; }

    /// <summary>For a child protection plan only.</summary>
    public ChildProtectionCategory? Category { get; init; }

    public ProfessionalId? LeadId { get; init; }

    /// <summary>Sections written fresh; ignored when the plan is made from another.</summary>
    public IReadOnlyList<PlanSectionDraft> Sections { get; init; } = [];

    /// <summary>The plan to make this one from (the same child's, or a sibling's): every section carried over not reviewed (L24).</summary>
    public PlanId? SourcePlanId { get; init; }

    /// <summary>
    /// For an early help plan only: the episode it belongs to. When it is left out, the child's early help episode that is not
    /// closed; an early help plan is refused without one.
    /// </summary>
    public EarlyHelpEpisodeId? EpisodeId { get; init; }
}

/// <summary>
/// Starts a plan for a child (L22, L23, L24): written fresh, or made from another plan of the same child or of a sibling, whose
/// sections are all carried over marked not reviewed. Early help plans by whoever may manage the child's early help; any other
/// plan by a children's social care professional who may open the child's record.
/// </summary>
public sealed class StartPlanHandler(CairnDbContext db, RecordAccessService access, PlanAccessHandler plans, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public async Task<Handled<ChangedPlan>> HandleAsync(PersonId childId, StartPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var decision = await access.OpenAsync(childId, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await StartAsync(childId, decision, command, cancellationToken)
            .AuditRefusalAsync(audit, "plan.start", childId, "plan", null, cancellationToken);
    }

    private async Task<Handled<ChangedPlan>> StartAsync(PersonId childId, AccessDecision decision, StartPlanCommand command,
        CancellationToken cancellationToken)
    {
        if (!await plans.MayWriteAsync(childId, decision, command.Type, cancellationToken))
        {
            return PlanAccessHandler.NotTheirs(command.Type);
        }

        if (await db.People.Where(p => p.Id == childId).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
        {
            return Refusal.Of("Type", "A plan is made for a child");
        }

        if (command.LeadId is not null && !await plans.IsActiveAsync(command.LeadId, cancellationToken))
        {
            return Refusal.Of("LeadId", "The lead must be an active professional with a Cairn account");
        }

        var now = clock.GetUtcNow();
        Outcome<Plan> outcome;
        if (command.SourcePlanId is { } sourceId)
        {
            var source = await db.Plans.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Id == sourceId, cancellationToken);
            if (source is null || !await MayCopyAsync(childId, source.ChildId, cancellationToken))
            {
                return Refusal.Of("SourcePlanId",
                    "Select a plan of this child or of a brother or sister whose record you may open");
            }

            outcome = Plan.MakeFrom(childId, command.Type, command.Category, command.LeadId, source, source.ChildId != childId, user.ProfessionalId,
                now);
        }
        else
        {
            var agencyOf = await plans.AgencyOfAsync(PlanAccessHandler.OwnersOf(command.Sections), cancellationToken);
            outcome = Plan.Start(childId, command.Type, command.Category, command.LeadId, command.Sections, agencyOf, user.ProfessionalId, now);
        }

        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var plan = outcome.Value!;
        var (episode, noEpisode) = await EpisodeAsync(childId, command, cancellationToken);
        if ((noEpisode ?? (episode is { } e ? plan.BelongTo(e) : null)) is { } notLinked)
        {
            return notLinked;
        }

        db.Plans.Add(plan);
        audit.Record("plan.start", childId, "plan", plan.Id.Value,
            detail: plan.MadeFromPlanId is { } from ? $"{plan.Type}; made from plan {from.Value}" : plan.Type.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return ChangedPlan.Of(plan);
    }

    /// <summary>
    /// The episode an early help plan belongs to (given, or the child's episode not yet closed), or why there is none; null for any
    /// other type of plan. One early help plan not ended per episode: a new one is a revision of it.
    /// </summary>
    private async Task<(EarlyHelpEpisodeId? Episode, Refusal? Refusal)> EpisodeAsync(PersonId childId, StartPlanCommand command,
        CancellationToken cancellationToken)
    {
        if (command.Type != PlanType.EarlyHelp)
        {
            return (null, command.EpisodeId is null ? null : Refusal.Of("EpisodeId", "Only an early help plan belongs to an early help episode"));
        }

        var episodes = db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == childId);
        var chosen = command.EpisodeId is { } wanted
            ? episodes.Where(e => e.Id == wanted)
            : episodes.Where(e => e.Status != EarlyHelpStatus.Closed);
        var episode = await chosen
            .Select(e => new { e.Id, e.Status }).FirstOrDefaultAsync(cancellationToken);
        if (episode is null)
        {
            return (null, Refusal.Of("EpisodeId", command.EpisodeId is null
                ? "Start an early help episode first, with the family's consent and a lead professional: an early help plan belongs to one"
                : "Select an early help episode of this child"));
        }

        if (episode.Status == EarlyHelpStatus.Closed)
        {
            return (null, Refusal.Of("EpisodeId", "This early help episode is closed"));
        }

        if (await db.Plans.AnyAsync(p => p.EpisodeId == episode.Id && p.Status != PlanStatus.Ended, cancellationToken))
        {
            return (null, Refusal.Of("EpisodeId", "This early help episode already has a plan. Open it from the episode page and revise it."));
        }

        return (episode.Id, null);
    }

    /// <summary>A plan may be made from the same child's plan, or from a sibling's whose record the viewer may open too.</summary>
    private async Task<bool> MayCopyAsync(PersonId childId, PersonId sourceChild, CancellationToken cancellationToken)
    {
        if (sourceChild == childId)
        {
            return true;
        }

        var siblings = await db.Relationships.AnyAsync(r => r.Type == RelationshipType.Sibling && r.EndedOn == null
                                                            && ((r.FromPersonId == childId && r.ToPersonId == sourceChild)
                                                                || (r.FromPersonId == sourceChild && r.ToPersonId == childId)),
            cancellationToken);
        return siblings && (await access.OpenAsync(sourceChild, cancellationToken)).Allowed;
    }
}
