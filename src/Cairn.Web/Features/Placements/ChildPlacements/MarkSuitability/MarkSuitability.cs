using Cairn.Domain;
using Cairn.Domain.Placements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.ChildPlacements.MarkSuitability;

public sealed record MarkSuitabilityCommand
{
    public PlacementSuitability? Suitability { get; init; }

    /// <summary>Why the placement is interim or unsuitable; none when it is suitable.</summary>
    public string? Reason { get; init; }

    /// <summary>The version of the placement read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Says a child's current placement is suitable, or interim or unsuitable with the reason (L39): an interim or unsuitable placement
/// keeps the child on the placement tracking panel. Children's social care only.
/// </summary>
public sealed class MarkSuitabilityHandler(PlacementChangeHandler steps)
{
    public const string Action = "placement.suitability";

    public Task<Handled<PlacementId>> HandleAsync(PlacementId id, MarkSuitabilityCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return steps.ChangeAsync(id, Action,
            (placement, _) => Task.FromResult(placement.MarkSuitability(command.Suitability, command.Reason, command.Version)), cancellationToken);
    }
}

public sealed class MarkSuitabilityEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/suitability", HandleAsync)
            .WithName("MarkPlacementSuitability")
            .WithSummary("Says the current placement is Suitable, Interim or Unsuitable (L39); interim and unsuitable need a reason of 20 "
                         + "characters or more and keep the child on the placement tracking panel. Children's social care only (403); "
                         + "send the placement's version (409 if stale); 404 unless the viewer may open the child's record.")
            .WithTags("Placements");

    private static async Task<Results<Ok<PlacementId>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        MarkSuitabilityCommand command, MarkSuitabilityHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementId(id), command, cancellationToken)).ToApiResult();
}
