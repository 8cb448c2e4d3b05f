using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.ChildPlacements.EndPlacement;

public sealed record EndPlacementCommand
{
    public DateOnly? EndedOn { get; init; }

    /// <summary>The looked-after return's reason the placement changed (REASON_PLACE_CHANGE), e.g. CARPL.</summary>
    public string? ReasonForChange { get; init; }

    /// <summary>The version of the placement read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Ends a child's current placement (L41, L44) with the return's reason for the change: kept as history, never deleted. Its
/// commissioned conditions end with it (an open breach still needs its risk assessment) and the setting gets its vacancy back.
/// Children's social care only.
/// </summary>
public sealed class EndPlacementHandler(CairnDbContext db, PlacementAccessHandler access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "placement.end";

    public async Task<Handled<PlacementId>> HandleAsync(PlacementId id, EndPlacementCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var child = await db.Placements.Where(p => p.Id == id).Select(p => (PersonId?)p.ChildId).FirstOrDefaultAsync(cancellationToken);
        if (child is not { } c || !await access.OpenAsync(c, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await EndAsync(id, command, cancellationToken).AuditRefusalAsync(audit, Action, c, "placement", id.Value, cancellationToken);
    }

    private async Task<Handled<PlacementId>> EndAsync(PlacementId id, EndPlacementCommand command, CancellationToken cancellationToken)
    {
        if (!await access.MayManageAsync(cancellationToken))
        {
            return Refusal.NotAllowed("EndedOn", "Only children's social care can end a placement. Tell the child's social worker.");
        }

        var now = clock.GetUtcNow();
        var placement = await db.Placements.SingleAsync(p => p.Id == id, cancellationToken);
        if (command.Version is not { } version)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read");
        }

        if (placement.End(command.EndedOn, command.ReasonForChange?.Trim().ToUpperInvariant(), user.ProfessionalId, version, now) is { } refusal)
        {
            return refusal;
        }

        var conditions = await db.CommissionedConditions.Where(x => x.PlacementId == id && x.EndedOn == null).ToListAsync(cancellationToken);
        foreach (var condition in conditions)
        {
            condition.End(placement.EndedOn, condition.Version, now);
        }

        if (placement.Where.SettingId is { } settingId
            && await db.PlacementSettings.FirstOrDefaultAsync(s => s.Id == settingId, cancellationToken) is { } setting
            && setting.Vacancies is { } vacancies && vacancies < setting.Capacity)
        {
            var today = clock.Today();
            if (setting.RecordVacancies(vacancies + 1, today, setting.Version, user.ProfessionalId, now, today).Value is { } row)
            {
                db.SettingVacancies.Add(row);
            }
        }

        audit.Record(Action, placement.ChildId, "placement", id.Value, detail: placement.ReasonForChange);
        if (await db.SaveOrConflictAsync(Placement.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return id;
    }
}

public sealed class EndPlacementEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/end", HandleAsync)
            .WithName("EndPlacement")
            .WithSummary("Ends a child's current placement on a date with the looked-after return's reason for the change (L41, L44); kept "
                         + "as history. Its commissioned conditions end with it and the setting's vacancies go up by one. Children's social "
                         + "care only (403); 400 for a date outside the placement or an unknown reason; send the version you read (409).")
            .WithTags("Placements");

    private static async Task<Results<Ok<PlacementId>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        EndPlacementCommand command, EndPlacementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlacementId(id), command, cancellationToken)).ToApiResult();
}
