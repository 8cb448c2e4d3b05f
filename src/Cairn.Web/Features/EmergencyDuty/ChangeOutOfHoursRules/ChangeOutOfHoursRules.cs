using Cairn.Domain;
using Cairn.Domain.Escalation;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.EmergencyDuty.ChangeOutOfHoursRules;

public sealed record ChangeOutOfHoursRulesCommand
{
    /// <summary>The urgencies that go to the Emergency Duty Team: Immediate must be one of them.</summary>
    public IReadOnlyList<Urgency>? Urgent { get; init; }

    /// <summary>Minutes the Emergency Duty Team has to acknowledge an item (15 to 240).</summary>
    public int? AcknowledgeMinutes { get; init; }

    /// <summary>Minutes after a missed acknowledgement before the on-call senior manager is told (15 to 240).</summary>
    public int? OnCallMinutes { get; init; }

    /// <summary>The version read (0 for the defaults): required, so that a change made meanwhile is refused, never overwritten.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Changes the area's out-of-hours rules (L02). Safeguarding leads and administrators change them; every change is audited
/// with what changed. Shares and contacts take the rules in force when they arrive.
/// </summary>
public sealed class ChangeOutOfHoursRulesHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("the out-of-hours rules");

    public async Task<Handled<OutOfHoursRulesView>> ChangeAsync(ChangeOutOfHoursRulesCommand command, CancellationToken cancellationToken)
    {
        if (!user.MayChange())
        {
            return Refusal.NotAllowed("Urgent", "Only a safeguarding lead or an administrator can change the out-of-hours rules");
        }

        if (command.Version is not { } expectedVersion)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read (0 for the defaults)");
        }

        var checkedRules = OutOfHoursRules.Create(command.Urgent ?? [], command.AcknowledgeMinutes, command.OnCallMinutes);
        if (checkedRules.Refusal is { } invalid)
        {
            return invalid;
        }

        var row = await db.OutOfHoursRules.SingleOrDefaultAsync(r => r.AreaId == user.AreaId, cancellationToken);
        if (expectedVersion != (row?.Version ?? 0))
        {
            return Stale;
        }

        var first = row is null;
        var was = row?.ToRules() ?? OutOfHoursRules.Default;
        if (row is null)
        {
            row = new AreaOutOfHoursRules { AreaId = user.AreaId };
            db.OutOfHoursRules.Add(row);
        }

        var rules = checkedRules.Value!;
        row.Set(rules);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = user.ProfessionalId;
        row.Version++;
        audit.Record("out-of-hours-rules.change", null, "out-of-hours-rules", user.AreaId.Value,
            detail: $"urgent {Describe(was)}->{Describe(rules)}; acknowledge {was.AcknowledgeWithin.TotalMinutes}->"
                    + $"{rules.AcknowledgeWithin.TotalMinutes} min; on-call {was.OnCallAfter.TotalMinutes}->{rules.OnCallAfter.TotalMinutes} min");
        try
        {
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

        return await db.OutOfHoursRulesOfAsync(user, cancellationToken);
    }

    private static string Describe(OutOfHoursRules rules) => string.Join('+', rules.Urgent.OrderBy(u => u));
}

public sealed class ChangeOutOfHoursRulesEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/emergency-duty/rules", async (ChangeOutOfHoursRulesCommand command, ChangeOutOfHoursRulesHandler handler,
                CancellationToken ct) => (await handler.ChangeAsync(command, ct)).ToApiResult())
            .WithName("PutOutOfHoursRules")
            .WithSummary("Sets which urgencies go to the Emergency Duty Team (Immediate always does) and its acknowledgement clock, with the "
                + "version read: 400 when invalid, 409 when changed meanwhile, 403 unless a safeguarding lead or an administrator.")
            .WithTags("Emergency Duty Team");
}
