using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Disagreements;

/// <summary>Where a disagreement stands after a step, and the version to send next.</summary>
public sealed record ChangedDisagreement(DisagreementId Id, PersonId ChildId, DisagreementStatus Status, DisagreementStage Stage,
    ProfessionalId OwnerId, DateTimeOffset DueAt, int Version);

/// <summary>Whether the professional may see a disagreement, and why; and whether they may open the child's record.</summary>
public sealed record DisagreementSeen(string Reason, bool MayOpenChildRecord);

/// <summary>
/// What the disagreement slices share: who may see one (the professional who raised it, anyone who has owned a stage,
/// and anyone who may open the child's record; to everyone else it does not exist, 404), and the one path every step
/// takes. Who may take a step is the domain's rule (<see cref="Disagreement"/>): the current owner resolves or
/// escalates, the raiser withdraws; anyone else is refused as not allowed, and the refusal is audited.
/// </summary>
public sealed class DisagreementAccessHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit,
    TimeProvider clock)
{
    /// <summary>
    /// Whether the professional may see the disagreement, and why: a party to it always may; anyone else only if they
    /// may open the child's record (a refusal is audited by <see cref="RecordAccessService"/>). Null when they may not.
    /// </summary>
    public async Task<DisagreementSeen?> SeeAsync(Disagreement d, CancellationToken cancellationToken)
    {
        if (d.IsParty(user.ProfessionalId))
        {
            return new DisagreementSeen("Party", (await access.DecideAsync(d.ChildId, cancellationToken)).Allowed);
        }

        var decision = await access.OpenAsync(d.ChildId, cancellationToken);
        return decision.Allowed ? new DisagreementSeen(decision.Reason.ToString(), true) : null;
    }

    /// <summary>
    /// Takes a step on a disagreement: not found when it does not exist or the professional may not see it; refused when
    /// <paramref name="change"/> says no; otherwise saved, or a conflict when someone (another owner, or the escalation sweep)
    /// saved first. Every refusal, a step not theirs or a conflict included, is audited (<see cref="RefusedChanges"/>).
    /// </summary>
    public async Task<Handled<ChangedDisagreement>> ChangeAsync(DisagreementId id, string action,
        Func<Disagreement, ProfessionalId, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var d = await db.Disagreements.Include(x => x.Stages).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null || await SeeAsync(d, cancellationToken) is null)
        {
            return Handled.NotFound;
        }

        return await TakeStepAsync(d, action, change, cancellationToken).AuditRefusalAsync(audit, action, d.ChildId, "disagreement", d.Id.Value,
            cancellationToken);
    }

    private async Task<Handled<ChangedDisagreement>> TakeStepAsync(Disagreement d, string action,
        Func<Disagreement, ProfessionalId, DateTimeOffset, Task<Refusal?>> change, CancellationToken cancellationToken)
    {
        var from = d.Stage;
        if (await change(d, user.ProfessionalId, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        var stages = d.Stage == from ? $"stage {(int)from}" : $"stage {(int)from} to {(int)d.Stage}";
        audit.Record(action, d.ChildId, "disagreement", d.Id.Value, detail: stages);
        return await db.SaveOrConflictAsync(Disagreement.Stale, cancellationToken) is { } conflict
            ? conflict
            : new ChangedDisagreement(d.Id, d.ChildId, d.Status, d.Stage, d.OwnerId, d.DueAt, d.Version);
    }
}
