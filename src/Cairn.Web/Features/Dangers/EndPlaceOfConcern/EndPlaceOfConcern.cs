using Cairn.Domain;
using Cairn.Domain.Placements.Dangers;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Dangers.EndPlaceOfConcern;

public sealed record EndPlaceOfConcernCommand
{
    /// <summary>When it stopped being a concern: from its start to today.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Ends a place of concern (L35); it stays as history. A child's: whoever may open the child's record and record its dangers
/// (404 for anyone who may not open it). An area-wide one: those who may record hotspots in its area (404 for another area's).
/// </summary>
public sealed class EndPlaceOfConcernHandler(CairnDbContext db, DangerAccessHandler dangers, AuditLog audit, TimeProvider clock)
{
    public const string Action = "place-of-concern.end";

    public async Task<Handled<PlaceOfConcernView>> HandleAsync(PlaceOfConcernId id, EndPlaceOfConcernCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await db.PlacesOfConcern.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.ChildId,
            p.AreaId
        }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Handled.NotFound;
        }

        if (found.ChildId is { } child)
        {
            if (!await dangers.OpenAsync(child, cancellationToken))
            {
                return Handled.NotFound;
            }

            return await EndAsync(id, command, dangers.MayRecordForChildAsync, DangerAccessHandler.NotTheirs, cancellationToken)
                .AuditRefusalAsync(audit, Action, child, DangerAccessHandler.PlaceRecordType, id.Value, cancellationToken);
        }

        if (await dangers.HotspotAreaAsync(cancellationToken) != found.AreaId)
        {
            return Handled.NotFound;
        }

        var handled = await EndAsync(id, command, _ => Task.FromResult(true), DangerAccessHandler.AreaNotTheirs, cancellationToken);
        if (handled.As == HandledAs.Refused)
        {
            db.ChangeTracker.Clear();
            audit.Record(Action, null, DangerAccessHandler.PlaceRecordType, id.Value, AuditLog.Refused, AuditLog.RefusalDetail(handled.Refusal!));
            await db.SaveChangesAsync(cancellationToken);
        }

        return handled;
    }

    private async Task<Handled<PlaceOfConcernView>> EndAsync(PlaceOfConcernId id, EndPlaceOfConcernCommand command,
        Func<CancellationToken, Task<bool>> allowed, Refusal notAllowed, CancellationToken cancellationToken)
    {
        if (!await allowed(cancellationToken))
        {
            return notAllowed;
        }

        var place = await db.PlacesOfConcern.SingleAsync(p => p.Id == id, cancellationToken);
        var today = clock.Today();
        if ((command.Version is { } version ? place.End(command.To, version, today) : Refusal.Of(Refusal.VersionField, "Send the version you read"))
            is { } refusal)
        {
            return refusal;
        }

        audit.Record(Action, place.ChildId, DangerAccessHandler.PlaceRecordType, id.Value, detail: place.Kind.ToString());
        if (await db.SaveOrConflictAsync(PlaceOfConcern.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return DangerAccessHandler.View(place, today);
    }
}

public sealed class EndPlaceOfConcernEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/places-of-concern/{id:guid}/end", HandleAsync)
            .WithName("EndPlaceOfConcern")
            .WithSummary("Ends a place of concern on a date from its start to today; kept as history. Send the version you read (409 if "
                         + "stale). 404 for a child's place whose record you may not open, or another area's hotspot.")
            .WithTags("Dangers");

    private static async Task<Results<Ok<PlaceOfConcernView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        EndPlaceOfConcernCommand command, EndPlaceOfConcernHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PlaceOfConcernId(id), command, cancellationToken)).ToApiResult();
}
