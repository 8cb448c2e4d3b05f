using Cairn.Domain;
using Cairn.Domain.Placements.Conditions;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Placements.Conditions;

/// <summary>One observation of a condition's delivery.</summary>
public sealed record ObservationView(DateOnly ObservedOn, ObservationSource Source, Delivery Delivery, string Note, DateTimeOffset RecordedAt);

/// <summary>A commissioned condition as the pages and the API show it (L38), with its breach, if one is open.</summary>
public sealed record ConditionView
{
    public required CommissionedConditionId Id { get; init; }
    public required PlacementId PlacementId { get; init; }
    public required PersonId ChildId { get; init; }
    public required ConditionKind Kind { get; init; }
    public required string Description { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? EndedOn { get; init; }
    public required IReadOnlyList<ObservationView> Observations { get; init; }
    public required int Breaches { get; init; }
    public required bool BreachOpen { get; init; }
    public DateOnly? BreachObservedOn { get; init; }
    public DateTimeOffset? RiskAssessmentDueAt { get; init; }
    /// <summary>The open breach's risk assessment is late now.</summary>
    public required bool RiskAssessmentLate { get; init; }
    /// <summary>The sweep found a breach's risk assessment late (kept until the next breach).</summary>
    public required bool RiskAssessmentOverdue { get; init; }
    public AssessmentId? RiskAssessmentId { get; init; }
    public required bool RegulatorTold { get; init; }
    public required bool DesignatedOfficerTold { get; init; }
    public required int Version { get; init; }
}

/// <summary>
/// What the commissioned-condition slices share (L38): who may do what, how a condition is shown, and the one path every change to
/// an existing condition takes. Anyone who may open the child's record sees the conditions and records what they observe of their
/// delivery (a teacher, a health visitor and the police see the child too); children's social care records and ends conditions,
/// links the risk assessment a breach needs and tells the regulator and the Designated Officer. Anyone who may not open the record
/// gets 404.
/// </summary>
public sealed class ConditionAccessHandler(CairnDbContext db, PlacementAccessHandler placements, AuditLog audit, TimeProvider clock)
{
    public const string RecordType = "commissioned-condition";

    public static Refusal NotTheirs => Refusal.NotAllowed("Kind",
        "Only children's social care can record a placement's conditions, link a risk assessment or tell the regulator. Tell the child's "
        + "social worker.");

    /// <summary>Whether the viewer may open the child's record (refusals are audited by the access service and answered as not found).</summary>
    public Task<bool> OpenAsync(PersonId child, CancellationToken cancellationToken) => placements.OpenAsync(child, cancellationToken);

    /// <summary>Whether the viewer may record and end conditions, link risk assessments and send notices: children's social care.</summary>
    public Task<bool> MayManageAsync(CancellationToken cancellationToken) => placements.MayManageAsync(cancellationToken);

    /// <summary>Whether the viewer may record observations: any practitioner who may open the record.</summary>
    public bool MayObserve => placements.IsPractitioner;

    /// <summary>The child a condition is about, or null when there is no such condition.</summary>
    public async Task<PersonId?> ChildOfAsync(CommissionedConditionId id, CancellationToken cancellationToken) =>
        await db.CommissionedConditions.Where(c => c.Id == id).Select(c => (PersonId?)c.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The conditions of the child's placements, newest first. The caller has checked access.</summary>
    public async Task<IReadOnlyList<ConditionView>> OfChildAsync(PersonId child, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conditions = await db.CommissionedConditions.AsNoTracking().Where(c => c.ChildId == child).ToListAsync(cancellationToken);
        return conditions.OrderByDescending(c => c.From).ThenByDescending(c => c.RecordedAt).Select(c => View(c, now)).ToList();
    }

    /// <summary>
    /// Changes a condition: not found when there is none or the viewer may not open the child's record; refused (403) when the change
    /// is not theirs (<paramref name="allowed"/>); otherwise <paramref name="change"/> changes it, the change is audited under
    /// <paramref name="action"/> (ids only) and saved with whatever else the change added, or answered with a conflict. Every refusal
    /// is audited.
    /// </summary>
    public async Task<Handled<ConditionView>> ChangeAsync(CommissionedConditionId id, string action, Func<CancellationToken, Task<bool>> allowed,
        Func<CommissionedCondition, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (await ChildOfAsync(id, cancellationToken) is not { } child || !await OpenAsync(child, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await ChangeConditionAsync(id, action, allowed, change, cancellationToken)
            .AuditRefusalAsync(audit, action, child, RecordType, id.Value, cancellationToken);
    }

    public static ConditionView View(CommissionedCondition c, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ConditionView
        {
            Id = c.Id,
            PlacementId = c.PlacementId,
            ChildId = c.ChildId,
            Kind = c.Kind,
            Description = c.Description,
            From = c.From,
            EndedOn = c.EndedOn,
            Observations = c.Observations.OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.RecordedAt)
                .Select(o => new ObservationView(o.ObservedOn, o.Source, o.Delivery, o.Note, o.RecordedAt)).ToList(),
            Breaches = c.Breaches,
            BreachOpen = c.BreachOpen,
            BreachObservedOn = c.BreachObservedOn,
            RiskAssessmentDueAt = c.RiskAssessmentDueAt,
            RiskAssessmentLate = c.RiskAssessmentLateAt(now),
            RiskAssessmentOverdue = c.RiskAssessmentOverdue,
            RiskAssessmentId = c.RiskAssessmentId,
            RegulatorTold = c.RegulatorShareId is not null,
            DesignatedOfficerTold = c.DesignatedOfficerShareId is not null,
            Version = c.Version,
        };
    }

    private async Task<Handled<ConditionView>> ChangeConditionAsync(CommissionedConditionId id, string action,
        Func<CancellationToken, Task<bool>> allowed, Func<CommissionedCondition, DateTimeOffset, Task<Refusal?>> change,
        CancellationToken cancellationToken)
    {
        if (!await allowed(cancellationToken))
        {
            return NotTheirs;
        }

        var now = clock.GetUtcNow();
        var condition = await db.CommissionedConditions.SingleAsync(c => c.Id == id, cancellationToken);
        if (await change(condition, now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        audit.Record(action, condition.ChildId, RecordType, id.Value);
        if (await db.SaveOrConflictAsync(CommissionedCondition.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return View(condition, now);
    }
}
