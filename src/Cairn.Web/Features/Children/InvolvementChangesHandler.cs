using Cairn.Domain;
using Cairn.Domain.Access;
using Cairn.Domain.Children;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Children;

/// <summary>Where an involvement stands after a change to the team around the child, and the version to send next.</summary>
public sealed record ChangedInvolvement(InvolvementId Id, PersonId ChildId, bool IsLeadProfessional, DateOnly? EndedOn, int Version);

/// <summary>
/// The one path every change to the team around the child takes (L19, L26). Every change goes through
/// <see cref="TeamAroundChild"/> so an open child always has exactly one lead professional, and through
/// <see cref="TeamChanges"/> so joining the team (and with it the child's record) is decided by someone with a reason to.
/// </summary>
public sealed class InvolvementChangesHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>The conflict when the team changed since it was read.</summary>
    public static Refusal Stale => Refusal.Conflict("the team around this child");

    /// <summary>The child an involvement belongs to, for pages addressed by involvement; access is checked by the caller's next step.</summary>
    public async Task<PersonId?> ChildOfAsync(InvolvementId id, CancellationToken cancellationToken) =>
        await db.Involvements.AsNoTracking().Where(i => i.Id == id).Select(i => (PersonId?)i.ChildId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Changes an existing involvement: not found when it does not exist or the viewer may not open the child's record.</summary>
    public async Task<Handled<ChangedInvolvement>> ChangeExistingAsync(InvolvementId id, string action,
        Func<TeamAroundChild, Involvement, Outcome<Involvement>> change, CancellationToken cancellationToken)
    {
        var target = await db.Involvements.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ChildId, i.AgencyId })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Handled.NotFound;
        }

        var decision = await access.OpenAsync(target.ChildId, cancellationToken);
        if (!decision.Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAsync(target.ChildId, decision, target.AgencyId, id, action,
                team => change(team, team.Involvements.Single(i => i.Id == id)), cancellationToken)
            .AuditRefusalAsync(audit, action, target.ChildId, "involvement", id.Value, cancellationToken);
    }

    /// <summary>
    /// Changes the child's team: refused when the viewer may not change involvements of <paramref name="agency"/>;
    /// otherwise <paramref name="change"/> says what changed, and it is saved or answered with a conflict. The caller audits
    /// a refusal (<see cref="RefusedChanges"/>), as <see cref="ChangeExistingAsync"/> does.
    /// </summary>
    public async Task<Handled<ChangedInvolvement>> ChangeAsync(PersonId childId, AccessDecision decision, AgencyId agency,
        InvolvementId? existing, string action, Func<TeamAroundChild, Outcome<Involvement>> change, CancellationToken cancellationToken)
    {
        var involvements = await db.Involvements.Where(i => i.ChildId == childId).ToListAsync(cancellationToken);
        var team = new TeamAroundChild(childId, involvements);
        var viewer = await access.ViewerAsync(cancellationToken);
        if (!TeamChanges.MayChange(viewer, decision, user.AgencyId, agency, team.CurrentOn(clock.Today())))
        {
            return Refusal.Of(existing is null ? "ProfessionalId" : "InvolvementId", TeamChanges.Refused);
        }

        var outcome = change(team);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var involvement = outcome.Value!;
        audit.Record(action, childId, "involvement", involvement.Id.Value);
        return await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict
            ? conflict
            : new ChangedInvolvement(involvement.Id, childId, involvement.IsLeadProfessional, involvement.EndedOn, involvement.Version);
    }
}
