using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Alerts;

public sealed record ChangedAlert(AlertId Id, PersonId ChildId, AlertStatus Status, DateOnly ReviewBy, int Version);

/// <summary>
/// What reviewing and closing an alert share. Access is decided on the alert's child: an alert on a record the
/// professional may not open is answered exactly as one that does not exist. A stale version, an alert closed
/// meanwhile, or a write that loses the race in the database are the same conflict (<see cref="Alert.Stale"/>). Every
/// refusal, conflicts included, is audited as refused (<see cref="RefusedChanges"/>).
/// </summary>
public sealed class AlertChangesHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<Handled<ChangedAlert>> ChangeAsync(AlertId id, string action, Func<Alert, ProfessionalId, DateTimeOffset, Refusal?> change,
        CancellationToken cancellationToken)
    {
        var childId = await ChildOfAsync(id, cancellationToken);
        if (childId is not { } child || !(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        return await ChangeAlertAsync(id, child, action, change, cancellationToken).AuditRefusalAsync(audit, action, child, "alert", id.Value,
            cancellationToken);
    }

    private async Task<Handled<ChangedAlert>> ChangeAlertAsync(AlertId id, PersonId child, string action,
        Func<Alert, ProfessionalId, DateTimeOffset, Refusal?> change, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.Include(a => a.History).SingleAsync(a => a.Id == id, cancellationToken);
        if (change(alert, user.ProfessionalId, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, child, "alert", alert.Id.Value);
        if (await db.SaveOrConflictAsync(Alert.Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new ChangedAlert(alert.Id, alert.ChildId, alert.Status, alert.ReviewBy, alert.Version);
    }

    /// <summary>The child the alert is about, or null when there is no such alert.</summary>
    public async Task<PersonId?> ChildOfAsync(AlertId id, CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().Where(a => a.Id == id).Select(a => (PersonId?)a.ChildId).FirstOrDefaultAsync(cancellationToken);
}
