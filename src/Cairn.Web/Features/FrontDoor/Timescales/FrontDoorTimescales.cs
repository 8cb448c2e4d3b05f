using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.FrontDoor;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.FrontDoor.Timescales;

/// <summary>
/// The front door timescales an area's own procedures set (L17). Working Together fixes the triage decision at one
/// working day (T01) for everyone; for holding a strategy discussion it says only "as soon as possible" (T03), and
/// local procedures range from 24 hours to 3 days, so each area sets its own. No row means the defaults.
/// </summary>
public sealed class AreaFrontDoorTimescales
{
    public AreaId AreaId { get; set; }
    public int StrategyDiscussionWorkingDays { get; set; } = StrategyDiscussion.DefaultDueWorkingDays;
    public ProfessionalId? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Two people saving at once: the second is refused rather than silently overwriting the first.</summary>
    public int Version { get; set; }
}

/// <param name="IsDefault">Nothing has been saved for the area: these are the defaults.</param>
public sealed record FrontDoorTimescalesView(int StrategyDiscussionWorkingDays, int TriageDecisionWorkingDays, bool IsDefault, DateTimeOffset? UpdatedAt,
    int Version);

public sealed record ChangeFrontDoorTimescalesCommand
{
    public int? StrategyDiscussionWorkingDays { get; init; }

    /// <summary>The version read (0 for the defaults): a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Reads and changes the area's front door timescales. Safeguarding leads and administrators change them; every
/// change is audited. A strategy discussion takes the timescale in force when the decision that requires it is
/// signed off; ones already required keep the time they are due by.
/// </summary>
public sealed class FrontDoorTimescalesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string StaleMessage = "Someone else changed the timescales while you were editing them. Reload the page to see their change, then make yours again.";

    public bool MayEdit => user.Has(Role.SafeguardingLead) || user.Has(Role.Administrator);

    /// <summary>The working days within which a strategy discussion must be held in this area.</summary>
    public static async Task<int> StrategyDiscussionWorkingDaysAsync(CairnDbContext db, AreaId area, CancellationToken cancellationToken) =>
        await db.FrontDoorTimescales.AsNoTracking().Where(t => t.AreaId == area).Select(t => (int?)t.StrategyDiscussionWorkingDays)
            .SingleOrDefaultAsync(cancellationToken) ?? StrategyDiscussion.DefaultDueWorkingDays;

    public async Task<FrontDoorTimescalesView> ViewAsync(CancellationToken cancellationToken)
    {
        var row = await db.FrontDoorTimescales.AsNoTracking().SingleOrDefaultAsync(t => t.AreaId == user.AreaId, cancellationToken);
        return row is null
            ? new FrontDoorTimescalesView(StrategyDiscussion.DefaultDueWorkingDays, Contact.DecisionWorkingDays, true, null, 0)
            : new FrontDoorTimescalesView(row.StrategyDiscussionWorkingDays, Contact.DecisionWorkingDays, false, row.UpdatedAt, row.Version);
    }

    public async Task<Outcome<FrontDoorTimescalesView>> SaveAsync(ChangeFrontDoorTimescalesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new List<FieldError>();
        if (StrategyDiscussion.CheckDueWorkingDays(command.StrategyDiscussionWorkingDays) is { } invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (command.Version is null)
        {
            errors.Add(new("Version", "Send the version you read, so that a change made meanwhile is not overwritten"));
        }

        if (Refusal.FromErrors(errors) is { } refusal)
        {
            return refusal;
        }

        var row = await db.FrontDoorTimescales.SingleOrDefaultAsync(t => t.AreaId == user.AreaId, cancellationToken);
        if (command.Version != (row?.Version ?? 0))
        {
            return Refusal.Of("Version", StaleMessage);
        }

        if (row is null)
        {
            row = new AreaFrontDoorTimescales { AreaId = user.AreaId };
            db.FrontDoorTimescales.Add(row);
        }

        row.StrategyDiscussionWorkingDays = command.StrategyDiscussionWorkingDays!.Value;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        audit.Record("front-door-timescales.change", null, "front-door-timescales", user.AreaId.Value, detail: $"strategy-discussion={row.StrategyDiscussionWorkingDays}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first saves for the area at once (the key), or a save meanwhile (the version).
            db.ChangeTracker.Clear();
            return Refusal.Of("Version", StaleMessage);
        }

        return Outcome<FrontDoorTimescalesView>.Success(await ViewAsync(cancellationToken));
    }
}
