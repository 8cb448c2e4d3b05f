using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.ChildPlacements.RecordVisit;

public sealed record RecordVisitCommand
{
    public DateOnly? VisitedOn { get; init; }
    public bool SeenAlone { get; init; }
    public string? NotSeenAloneReason { get; init; }

    /// <summary>What the child said (L54): required; never logged.</summary>
    public string? ChildsViews { get; init; }

    /// <summary>The version of the placement read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records a statutory visit to a looked-after child in their placement (T12–T14, L54): children's social care only. The next
/// visit falls due from it — six-weekly in the placement's first year, then three-monthly for a long-term placement — and a
/// visit not made by then escalates.
/// </summary>
public sealed class RecordVisitHandler(CairnDbContext db, PlacementChangeHandler steps, CurrentUser user, WorkingCalendarSource calendars)
{
    public const string Action = "placement.visit";

    public Task<Handled<PlacementId>> HandleAsync(PlacementId id, RecordVisitCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return steps.ChangeAsync(id, Action, async (placement, now) =>
        {
            var recorded = StatutoryVisit.Record(placement, command.VisitedOn, command.SeenAlone, command.NotSeenAloneReason, command.ChildsViews,
                user.ProfessionalId, now);
            if (recorded.Refusal is { } refusal)
            {
                return refusal;
            }

            db.StatutoryVisits.Add(recorded.Value!);
            return placement.RecordVisit(recorded.Value!, command.Version, await calendars.GetAsync(cancellationToken));
        }, cancellationToken);
    }
}

public sealed class RecordVisitEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/visits", HandleAsync)
            .WithName("RecordStatutoryVisit")
            .WithSummary("Records a statutory visit to the child in the placement (T12-T14, L54): the date (during the placement, not in the "
                         + "future), whether the child was seen alone (and why not), and the child's views (required). The next visit falls "
                         + "due from it. Children's social care only (403); send the placement's version (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<PlacementId>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        RecordVisitCommand command, RecordVisitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementId(id), command, cancellationToken)).ToApiResult();
}
