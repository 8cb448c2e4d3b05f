using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Timescales;

/// <param name="IsDefault">Nothing has been saved for the area: these are the defaults.</param>
public sealed record FrontDoorTimescalesView(int StrategyDiscussionWorkingDays, int TriageDecisionWorkingDays, bool IsDefault, DateTimeOffset? UpdatedAt,
    int Version);

public sealed record ChangeFrontDoorTimescalesCommand
{
    public int? StrategyDiscussionWorkingDays { get; init; }

    /// <summary>The version read (0 for the defaults): required, so that a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Reads and changes the area's front door timescales. Safeguarding leads and administrators change them; every
/// change is audited. A strategy discussion takes the timescale in force when the decision that requires it is
/// signed off; ones already required keep the time they are due by.
/// </summary>
public sealed class FrontDoorTimescalesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the timescales");

    public bool MayEdit => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    /// <summary>
    /// The working days within which a strategy discussion must be held in this area. A stored value out of range
    /// (written around Cairn) falls back to the default rather than failing the sign-off that needs it.
    /// </summary>
    public static async Task<int> StrategyDiscussionWorkingDaysAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken)
    {
        var days = await db.FrontDoorTimescales.AsNoTracking().Where(t => t.AreaId == area).Select(t => (int?)t.StrategyDiscussionWorkingDays)
            .SingleOrDefaultAsync(cancellationToken);
        return days is { } set && StrategyDiscussion.CheckDueWorkingDays(set) is null ? set : StrategyDiscussion.DefaultDueWorkingDays;
    }

    public async Task<FrontDoorTimescalesView> ViewAsync(CancellationToken cancellationToken)
    {
        var row = await db.FrontDoorTimescales.AsNoTracking().SingleOrDefaultAsync(t => t.AreaId == user.AreaId, cancellationToken);
        return row is null
            ? new FrontDoorTimescalesView(StrategyDiscussion.DefaultDueWorkingDays, Contact.DecisionWorkingDays, true, null, 0)
            : new FrontDoorTimescalesView(row.StrategyDiscussionWorkingDays, Contact.DecisionWorkingDays, false, row.UpdatedAt, row.Version);
    }

    /// <param name="expectedVersion">The version read: 0 for the defaults. A different one is refused as stale (409 on the API).</param>
    public async Task<Outcome<FrontDoorTimescalesView>> SaveAsync(int? strategyDiscussionWorkingDays, int expectedVersion, CancellationToken cancellationToken)
    {
        if (StrategyDiscussion.CheckDueWorkingDays(strategyDiscussionWorkingDays) is { } invalid)
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

        row.StrategyDiscussionWorkingDays = strategyDiscussionWorkingDays!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        audit.Record("front-door-timescales.change", null, "front-door-timescales", user.AreaId.Value,
            detail: $"strategy-discussion-working-days {was}->{row.StrategyDiscussionWorkingDays}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (first && e is DbUpdateException))
        {
            // Saved meanwhile (the version), or a first save for the area at the same moment (the key).
            db.ChangeTracker.Clear();
            return Stale;
        }

        return Outcome<FrontDoorTimescalesView>.Success(await ViewAsync(cancellationToken));
    }
}
