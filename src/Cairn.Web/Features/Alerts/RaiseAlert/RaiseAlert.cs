using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Alerts.RaiseAlert;

/// <summary>
/// A structured alert as a professional raises it. Which fields are missing, and whether the description
/// says enough to act on, is the domain's rule (<see cref="AlertDraft.Validate"/>), so each gets a named error (L07).
/// </summary>
public sealed record RaiseAlertCommand
{
    public AlertCategory? Category { get; init; }

    [StringLength(200)]
    public string? Risk { get; init; }

    [StringLength(200)]
    public string? AtRisk { get; init; }

    [StringLength(200)]
    public string? FromWhom { get; init; }

    [StringLength(500)]
    public string? Source { get; init; }

    public DateOnly? RaisedOn { get; init; }
    public DateOnly? ReviewBy { get; init; }

    [StringLength(8000)]
    public string? Description { get; init; }

    public AlertDraft ToDraft() => new(Category, Risk, AtRisk, FromWhom, Source, RaisedOn, ReviewBy, Description);
}

public sealed record RaisedAlert(AlertId Id, PersonId ChildId, DateOnly ReviewBy);

/// <summary>Raises an alert on a person's record; the signed-in professional owns it and must review it.</summary>
public sealed class RaiseAlertHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the person does not exist or the professional may not see them.</returns>
    public async Task<Handled<RaisedAlert>> HandleAsync(PersonId personId, RaiseAlertCommand command, CancellationToken cancellationToken)
    {
        if (!(await access.OpenAsync(personId, cancellationToken)).Allowed)
        {
            return Handled.NotFound;
        }

        // A vague alert refused is audited with the fields named, never its text (L03).
        return await RaiseAsync(personId, command, cancellationToken).AuditRefusalAsync(audit, "alert.raise", personId, "alert", null,
            cancellationToken);
    }

    private async Task<Handled<RaisedAlert>> RaiseAsync(PersonId personId, RaiseAlertCommand command, CancellationToken cancellationToken)
    {
        var outcome = Alert.Raise(personId, command.ToDraft(), user.ProfessionalId, clock.GetUtcNow());
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var alert = outcome.Value!;
        db.Alerts.Add(alert);
        audit.Record("alert.raise", personId, "alert", alert.Id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new RaisedAlert(alert.Id, alert.ChildId, alert.ReviewBy);
    }
}
