using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Dangers;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Dangers.RecordPlaceOfConcern;

public sealed record RecordPlaceOfConcernCommand
{
    /// <summary>The child it is named for; none for an area-wide place (a hotspot).</summary>
    public Guid? ChildId { get; init; }

    public string? Name { get; init; }

    public string? Postcode { get; init; }

    public RiskKind? Kind { get; init; }

    /// <summary>What the risk is: short text, never logged.</summary>
    public string? Risk { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

/// <summary>
/// Records a place of concern (L35). Named for a child: whoever may open the child's record and record its dangers (children's
/// social care, the front door); 404 for anyone who may not open it. Area-wide: the area's children's social care, police, front
/// door and safeguarding leads, in their own area. The postcode must be in the postcode directory. Audited with ids and the kind.
/// </summary>
public sealed class RecordPlaceOfConcernHandler(CairnDbContext db, DangerAccessHandler dangers, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "place-of-concern.record";

    public async Task<Handled<PlaceOfConcernView>> HandleAsync(RecordPlaceOfConcernCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ChildId is not { } childId)
        {
            // An area-wide place is no child's record: its refusals are audited with no person.
            var handled = await RecordAsync(null, command, cancellationToken);
            if (handled.As == HandledAs.Refused)
            {
                db.ChangeTracker.Clear();
                audit.Record(Action, null, DangerAccessHandler.PlaceRecordType, null, AuditLog.Refused, AuditLog.RefusalDetail(handled.Refusal!));
                await db.SaveChangesAsync(cancellationToken);
            }

            return handled;
        }

        var child = new PersonId(childId);
        if (!await dangers.OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await RecordAsync(child, command, cancellationToken)
            .AuditRefusalAsync(audit, Action, child, DangerAccessHandler.PlaceRecordType, null, cancellationToken);
    }

    private async Task<Handled<PlaceOfConcernView>> RecordAsync(PersonId? child, RecordPlaceOfConcernCommand command,
        CancellationToken cancellationToken)
    {
        AreaId area;
        if (child is { } named)
        {
            if (!await dangers.MayRecordForChildAsync(cancellationToken))
            {
                return DangerAccessHandler.NotTheirs;
            }

            area = await dangers.AreaOfAsync(named, cancellationToken);
        }
        else if (await dangers.HotspotAreaAsync(cancellationToken) is { } own)
        {
            area = own;
        }
        else
        {
            return DangerAccessHandler.AreaNotTheirs;
        }

        var now = clock.GetUtcNow();
        var location = await dangers.LocateAsync(command.Postcode, cancellationToken);
        var outcome = PlaceOfConcern.Record(area, child, command.Name, command.Postcode, location, command.Kind, command.Risk, command.From,
            command.To, user.ProfessionalId, now, clock.Today());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var place = outcome.Value!;
        db.PlacesOfConcern.Add(place);
        audit.Record(Action, child, DangerAccessHandler.PlaceRecordType, place.Id.Value, detail: place.Kind.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return DangerAccessHandler.View(place, clock.Today());
    }
}

public sealed class RecordPlaceOfConcernEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/places-of-concern", HandleAsync)
            .WithName("RecordPlaceOfConcern")
            .WithSummary("Records a place of concern (L35): named for a child (childId; children's social care or the front door, 404 if you "
                         + "may not open the child's record) or area-wide (no childId; the area's children's social care, police, front door "
                         + "and safeguarding leads; 403 otherwise). The postcode must be in the postcode directory (400).")
            .WithTags("Dangers");

    private static async Task<Results<Created<PlaceOfConcernView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        RecordPlaceOfConcernCommand command, RecordPlaceOfConcernHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(command, cancellationToken)).ToCreatedResult(p => $"/api/v1/places-of-concern/{p.Id.Value}");
}
