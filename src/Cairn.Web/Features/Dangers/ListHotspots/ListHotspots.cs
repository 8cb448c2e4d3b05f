using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Dangers.ListHotspots;

/// <summary>The area-wide places of concern of the viewer's area, current first, and whether the viewer may record them.</summary>
public sealed record HotspotsPage(IReadOnlyList<PlaceOfConcernView> Places);

/// <summary>
/// Lists the viewer's area's hotspots (L35): the area's children's social care, police, front door and safeguarding leads. Null
/// (403) for anyone else. Every read is audited (no person: a hotspot is no child's record).
/// </summary>
public sealed class ListHotspotsHandler(CairnDbContext db, DangerAccessHandler dangers, AuditLog audit, TimeProvider clock)
{
    public const string Action = "place-of-concern.list";

    public async Task<HotspotsPage?> HandleAsync(CancellationToken cancellationToken)
    {
        if (await dangers.HotspotAreaAsync(cancellationToken) is not { } area)
        {
            audit.Record(Action, null, DangerAccessHandler.PlaceRecordType, null, AuditLog.Refused);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var today = clock.Today();
        var places = await db.PlacesOfConcern.AsNoTracking().Where(p => p.AreaId == area && p.ChildId == null).ToListAsync(cancellationToken);
        audit.Record(Action, null, DangerAccessHandler.PlaceRecordType, null, detail: $"{places.Count} places");
        await db.SaveChangesAsync(cancellationToken);
        return new HotspotsPage(places.OrderByDescending(p => p.IsCurrentOn(today)).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => DangerAccessHandler.View(p, today)).ToList());
    }
}

public sealed class ListHotspotsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/places-of-concern", HandleAsync)
            .WithName("GetHotspots")
            .WithSummary("The area-wide places of concern (hotspots) of your area, current first, with their versions: the area's children's "
                         + "social care, police, front door and safeguarding leads only (403 otherwise).")
            .WithTags("Dangers");

    private static async Task<Results<Ok<HotspotsPage>, ProblemHttpResult>> HandleAsync(ListHotspotsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(cancellationToken) is { } page ? TypedResults.Ok(page) : DangerAccessHandler.AreaNotTheirs.ToStatusProblem();
}
