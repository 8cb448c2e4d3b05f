using Cairn.Domain;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.ChangeFrontDoorTimescales;

public sealed record ChangeFrontDoorTimescalesCommand
{
    public int? StrategyDiscussionWorkingDays { get; init; }

    /// <summary>The version read (0 for the defaults): required, so that a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Changes the area's front door timescales. Safeguarding leads and administrators change them; every change is
/// audited. A strategy discussion takes the timescale in force when the decision that requires it is signed off; ones
/// already required keep the time they are due by.
/// </summary>
public sealed class ChangeFrontDoorTimescalesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private const string SendVersion = "Send the version you read (0 for the defaults), so that a change made meanwhile is not overwritten";

    private static Refusal Stale => Refusal.Conflict("the timescales");

    /// <summary>A version that is not the one held now is refused as stale (409 on the API); a missing one is invalid (400).</summary>
    public async Task<Handled<FrontDoorTimescalesView>> ChangeAsync(ChangeFrontDoorTimescalesCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayEditFrontDoorSettings())
        {
            return Refusal.NotAllowed("StrategyDiscussionWorkingDays",
                "Only a safeguarding lead or an administrator can change the front door timescales");
        }

        if (command.Version is not { } expectedVersion)
        {
            return Refusal.Of(Refusal.VersionField, SendVersion);
        }

        if (StrategyDiscussion.CheckDueWorkingDays(command.StrategyDiscussionWorkingDays) is { } invalid)
        {
            return invalid;
        }

        var row = await db.FrontDoorTimescales.SingleOrDefaultAsync(t => t.AreaId == user.AreaId, cancellationToken);
        if (expectedVersion != (row?.Version ?? 0))
        {
            return Stale;
        }

        var first = row is null;
        var was = row?.StrategyDiscussionWorkingDays ?? StrategyDiscussion.DefaultDueWorkingDays;
        if (row is null)
        {
            row = new AreaFrontDoorTimescales { AreaId = user.AreaId };
            db.FrontDoorTimescales.Add(row);
        }

        row.StrategyDiscussionWorkingDays = command.StrategyDiscussionWorkingDays!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        audit.Record("front-door-timescales.change", null, "front-door-timescales", user.AreaId.Value,
            detail: $"strategy-discussion-working-days {was}->{row.StrategyDiscussionWorkingDays}");
        try
        {
            // Saved meanwhile: the version.
            if (await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException) when (first)
        {
            // A first save for the area at the same moment: the key.
            db.ChangeTracker.Clear();
            return Stale;
        }

        return await db.FrontDoorTimescalesOfAsync(user.AreaId, cancellationToken);
    }
}
