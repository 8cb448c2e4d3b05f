using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Tracking.RecordPanelDecision;

public sealed record PanelDecisionCommand
{
    /// <summary>What the panel decided, e.g. "Search for a foster carer within 10 miles of school; review the interim weekly".</summary>
    public string? Decision { get; init; }

    /// <summary>The professional who owns the decision: an active professional of the area.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>When the panel reviews it: from today to a year ahead.</summary>
    public DateOnly? ReviewOn { get; init; }

    /// <summary>When changing a decision: the version read (409 if stale).</summary>
    public int? Version { get; init; }
}

/// <summary>A panel decision as the API answers it.</summary>
public sealed record PanelDecisionView(PanelDecisionId Id, PersonId ChildId, string Decision, ProfessionalId OwnerId, DateOnly ReviewOn,
    DateTimeOffset RecordedAt, int Version);

/// <summary>
/// Records, or changes, the tracking panel's decision for a child (L39): its text, the professional who owns it and the review
/// date. Children's social care managers only (403); not found unless the viewer may open the child's record. Audited with ids.
/// </summary>
public sealed class RecordPanelDecisionHandler(CairnDbContext db, PlacementAccessHandler access, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public const string Action = "placement.panel-decision";
    public const string RecordType = "panel-decision";

    public static Refusal NotTheirs => Refusal.NotAllowed("Decision",
        "Only a children's social care manager records the placement panel's decisions.");

    public async Task<Handled<PanelDecisionView>> RecordAsync(PersonId child, PanelDecisionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.People.AnyAsync(p => p.Id == child, cancellationToken) || !await access.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await SaveAsync(null, child, command, cancellationToken).AuditRefusalAsync(audit, Action, child, RecordType, null, cancellationToken);
    }

    public async Task<Handled<PanelDecisionView>> ChangeAsync(PanelDecisionId id, PanelDecisionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var child = await db.PanelDecisions.Where(d => d.Id == id).Select(d => (PersonId?)d.ChildId).FirstOrDefaultAsync(cancellationToken);
        if (child is not { } c || !await access.OpenAsync(c, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await SaveAsync(id, c, command, cancellationToken).AuditRefusalAsync(audit, Action, c, RecordType, id.Value, cancellationToken);
    }

    private async Task<Handled<PanelDecisionView>> SaveAsync(PanelDecisionId? id, PersonId child, PanelDecisionCommand command,
        CancellationToken cancellationToken)
    {
        if (!await access.IsManagerAsync(cancellationToken))
        {
            return NotTheirs;
        }

        ProfessionalId? owner = command.OwnerId is { } o
                                && (await AreaProfessionals.ActiveAsync(db, user.AreaId, cancellationToken)).Any(p => p.Id.Value == o)
            ? new ProfessionalId(o)
            : null;
        var now = clock.GetUtcNow();
        PanelDecision decision;
        if (id is { } existing)
        {
            decision = await db.PanelDecisions.SingleAsync(d => d.Id == existing, cancellationToken);
            if (decision.Change(command.Decision, owner, command.ReviewOn, command.Version, user.ProfessionalId, now) is { } refused)
            {
                db.ChangeTracker.Clear();
                return refused;
            }
        }
        else
        {
            var outcome = PanelDecision.Record(child, command.Decision, owner, command.ReviewOn, user.ProfessionalId, now);
            if (outcome.Refusal is { } refusal)
            {
                return refusal;
            }

            decision = outcome.Value!;
            db.PanelDecisions.Add(decision);
        }

        audit.Record(Action, child, RecordType, decision.Id.Value);
        if (await db.SaveOrConflictAsync(PanelDecision.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new PanelDecisionView(decision.Id, child, decision.Decision, decision.OwnerId, decision.ReviewOn, decision.RecordedAt,
            decision.Version);
    }
}

public sealed class RecordPanelDecisionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/people/{id:guid}/placement-panel-decisions", RecordAsync)
            .WithName("RecordPlacementPanelDecision")
            .WithSummary("Records the placement tracking panel's decision for a child (L39): decision (10 to 2,000 characters), ownerId (an "
                         + "active professional of the area) and reviewOn (today to a year ahead). Children's social care managers only "
                         + "(403); 404 unless the viewer may open the child's record.")
            .WithTags("Placements");
        api.MapPost("/placement-panel-decisions/{id:guid}", ChangeAsync)
            .WithName("ChangePlacementPanelDecision")
            .WithSummary("Changes a panel decision, its owner or review date; send its version (409 if stale). Children's social care "
                         + "managers only (403).")
            .WithTags("Placements");
    }

    private static async Task<Results<Created<PanelDecisionView>, ValidationProblem, ProblemHttpResult, NotFound>> RecordAsync(Guid id,
        PanelDecisionCommand command, RecordPanelDecisionHandler handler, CancellationToken cancellationToken) =>
        (await handler.RecordAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => "/api/v1/placements/tracking");

    private static async Task<Results<Ok<PanelDecisionView>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(Guid id,
        PanelDecisionCommand command, RecordPanelDecisionHandler handler, CancellationToken cancellationToken) =>
        (await handler.ChangeAsync(new PanelDecisionId(id), command, cancellationToken)).ToApiResult();
}
