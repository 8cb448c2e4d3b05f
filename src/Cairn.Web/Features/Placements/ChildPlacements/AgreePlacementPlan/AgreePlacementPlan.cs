using Cairn.Domain;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.ChildPlacements.AgreePlacementPlan;

public sealed record AgreePlacementPlanCommand
{
    public DateOnly? AgreedOn { get; init; }

    /// <summary>Whether the placement is intended to last until the child is 18 (visits then three-monthly after its first year; T14).</summary>
    public bool? LongTerm { get; init; }

    /// <summary>The version of the placement read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records the date the placement plan was agreed (T16: within five working days of the start) and, with it, whether the placement
/// is intended to last until the child is 18 (T14). Children's social care only.
/// </summary>
public sealed class AgreePlacementPlanHandler(PlacementChangeHandler steps, WorkingCalendarSource calendars)
{
    public const string Action = "placement.plan-agree";

    public Task<Handled<PlacementId>> HandleAsync(PlacementId id, AgreePlacementPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return steps.ChangeAsync(id, Action, async (placement, now) =>
        {
            if (placement.AgreePlacementPlan(command.AgreedOn, command.Version, now) is { } refused)
            {
                return refused;
            }

            return command.LongTerm is { } longTerm && longTerm != placement.LongTerm
                ? placement.SetLongTerm(longTerm, placement.Version, await calendars.GetAsync(cancellationToken))
                : null;
        }, cancellationToken);
    }
}

public sealed class AgreePlacementPlanEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/placement-plan", HandleAsync)
            .WithName("AgreePlacementPlan")
            .WithSummary("Records the date the placement plan was agreed (T16: due within five working days of the start) and whether the "
                         + "placement is intended to last until the child is 18 (longTerm; after its first year visits are then three-monthly, "
                         + "T14). Children's social care only (403); send the placement's version (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<PlacementId>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        AgreePlacementPlanCommand command, AgreePlacementPlanHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementId(id), command, cancellationToken)).ToApiResult();
}
