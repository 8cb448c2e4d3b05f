using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.EmergencyDutyQueue;

/// <summary>
/// The Emergency Duty Team's queue of shares (L01, L02): urgent shares sent to the area out of hours, or still open at the
/// close of the working day, held until the next working morning; most urgent and oldest first. For the Emergency Duty
/// Team and safeguarding leads. The page shows them with the contacts the Emergency Duty Team holds.
/// </summary>
public sealed class EmergencyDutyQueueHandler(CairnDbContext db, ShareAccessService shares, ShareBoxes boxes, AuditLog audit,
    TimeProvider clock)
{
    public const int Limit = 200;

    /// <returns>Null when the viewer is neither on the Emergency Duty Team nor a safeguarding lead.</returns>
    public async Task<IReadOnlyList<InboxItem>?> HandleAsync(CancellationToken cancellationToken)
    {
        var viewer = await shares.ViewerAsync(cancellationToken);
        if (!viewer.Has(Role.EmergencyDuty) && !viewer.Has(Role.SafeguardingLead))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var area = viewer.Area;
        // Held until the sweep hands it back at the start of the working day, with a record of the moment (L02).
        var query = db.Shares.AsNoTracking()
            .Where(s => s.Status == ShareStatus.WithEmergencyDuty)
            .Where(s => db.Agencies.Any(a => a.Id == s.RecipientAgency && a.AreaId == area));
        var items = await boxes.ItemsAsync(query.OrderBy(s => s.Urgency).ThenBy(s => s.SentAt).Take(Limit), now, cancellationToken);
        audit.Record("shares.emergency-duty.view", null, "share", null, "allowed",
            items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }
}

public sealed class EmergencyDutyQueueEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/shares/emergency-duty", QueueAsync)
            .WithName("EmergencyDutyQueue")
            .WithSummary("Urgent shares that arrived out of hours and are held for the Emergency Duty Team until the next working "
                + "morning; most urgent and oldest first. Emergency Duty Team and safeguarding leads only (otherwise 403).")
            .WithTags("Shares");

    private static async Task<Results<Ok<IReadOnlyList<InboxItem>>, ForbidHttpResult>> QueueAsync(EmergencyDutyQueueHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(cancellationToken) is { } queue ? TypedResults.Ok(queue) : TypedResults.Forbid();
}
