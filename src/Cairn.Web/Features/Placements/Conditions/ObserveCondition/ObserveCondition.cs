using Cairn.Domain;
using Cairn.Domain.Placements.Conditions;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Placements.Conditions.ObserveCondition;

public sealed record ObserveConditionCommand
{
    public DateOnly? ObservedOn { get; init; }
    public ObservationSource? Source { get; init; }
    public Delivery? Delivery { get; init; }

    /// <summary>What was seen or said; required when the condition was not (or only partly) delivered. Never logged.</summary>
    public string? Note { get; init; }

    /// <summary>The version of the condition read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records what was observed of a condition's delivery (L38): any practitioner who may open the child's record. One not delivered
/// opens a breach: a risk assessment is due within two working days, escalating until one is linked.
/// </summary>
public sealed class ObserveConditionHandler(ConditionAccessHandler conditions, CurrentUser user, WorkingCalendarSource calendars)
{
    public const string Action = "commissioned-condition.observe";

    public Task<Handled<ConditionView>> HandleAsync(CommissionedConditionId id, ObserveConditionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return conditions.ChangeAsync(id, Action, _ => Task.FromResult(conditions.MayObserve), async (c, now) =>
            c.Observe(command.ObservedOn, command.Source, command.Delivery, command.Note, user.ProfessionalId, command.Version,
                await calendars.GetAsync(cancellationToken), now), cancellationToken);
    }
}

public sealed class ObserveConditionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/commissioned-conditions/{id:guid}/observations", HandleAsync)
            .WithName("ObserveCommissionedCondition")
            .WithSummary("Records whether a placement's commissioned condition was delivered, as seen on a visit or told by the child, a "
                         + "parent or the setting's staff (L38). Not delivered (or partly) opens a breach: a risk assessment is due within two "
                         + "working days and escalates until one is linked. Any practitioner who may open the child's record; send the "
                         + "version you read (409 if stale).")
            .WithTags("Placements");

    private static async Task<Results<Ok<ConditionView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        ObserveConditionCommand command, ObserveConditionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new CommissionedConditionId(id), command, cancellationToken)).ToApiResult();
}
