using Cairn.Domain;
using Cairn.Domain.Placements.Conditions;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Conditions.RecordCondition;

public sealed record RecordConditionCommand
{
    public ConditionKind? Kind { get; init; }

    /// <summary>What exactly was commissioned, e.g. "two staff with her at all times, day and night".</summary>
    public string? Description { get; init; }

    /// <summary>The date it applies from: within the placement, not in the future.</summary>
    public DateOnly? From { get; init; }
}

/// <summary>Records a condition a child's current placement was commissioned to deliver (L38): children's social care only.</summary>
public sealed class RecordConditionHandler(CairnDbContext db, ConditionAccessHandler conditions, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    public const string Action = "commissioned-condition.record";

    public async Task<Handled<ConditionView>> HandleAsync(PlacementId placementId, RecordConditionCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var placement = await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placementId, cancellationToken);
        if (placement is null || !await conditions.OpenAsync(placement.ChildId, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await RecordAsync(placement, command, cancellationToken)
            .AuditRefusalAsync(audit, Action, placement.ChildId, "placement", placementId.Value, cancellationToken);
    }

    private async Task<Handled<ConditionView>> RecordAsync(Domain.Placements.Placement placement, RecordConditionCommand command,
        CancellationToken cancellationToken)
    {
        if (!await conditions.MayManageAsync(cancellationToken))
        {
            return ConditionAccessHandler.NotTheirs;
        }

        var now = clock.GetUtcNow();
        var outcome = CommissionedCondition.Record(placement, command.Kind, command.Description, command.From, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var condition = outcome.Value!;
        db.CommissionedConditions.Add(condition);
        audit.Record(Action, condition.ChildId, ConditionAccessHandler.RecordType, condition.Id.Value, detail: condition.Kind.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return ConditionAccessHandler.View(condition, now);
    }
}

public sealed class RecordConditionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/conditions", HandleAsync)
            .WithName("RecordCommissionedCondition")
            .WithSummary("Records a condition the child's current placement was commissioned to deliver (L38): staffing, waking night staff, "
                         + "a deprivation of liberty order, education provision... Children's social care only (403 otherwise); 400 for an "
                         + "ended placement or a date outside it; 404 unless the viewer may open the child's record.")
            .WithTags("Placements");

    private static async Task<Results<Created<ConditionView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        RecordConditionCommand command, RecordConditionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementId(id), command, cancellationToken))
        .ToCreatedResult(c => $"/api/v1/people/{c.ChildId}/placements");
}
