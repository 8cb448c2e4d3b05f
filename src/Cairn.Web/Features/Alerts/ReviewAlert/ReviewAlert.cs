using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Alerts;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Alerts.ReviewAlert;

/// <summary>The alert still stands: it is next reviewed by a later date. Version is the one the reviewer saw.</summary>
public sealed record ReviewAlertCommand
{
    public DateOnly? NextReviewBy { get; init; }

    [StringLength(4000)]
    public string? Note { get; init; }

    [Required(ErrorMessage = "Send the version of the alert you read")]
    public int? Version { get; init; }
}

/// <summary>The alert no longer applies. Version is the one the person closing it saw.</summary>
public sealed record CloseAlertCommand
{
    [StringLength(4000)]
    public string? Reason { get; init; }

    [Required(ErrorMessage = "Send the version of the alert you read")]
    public int? Version { get; init; }
}

public sealed record AlertDetails(AlertId Id, PersonId ChildId, AlertCategory Category, string Risk, string AtRisk, string FromWhom,
    string Source, DateOnly RaisedOn, DateOnly ReviewBy, string Description, string Owner, AlertStatus Status, bool ReviewOverdue,
    int Version, IReadOnlyList<AlertHistoryItem> History);

public sealed record AlertHistoryItem(AlertEventKind Kind, DateTimeOffset At, string By, string? Note, DateOnly? ReviewBy);

public sealed record ChangedAlert(AlertId Id, PersonId ChildId, AlertStatus Status, DateOnly ReviewBy, int Version);

/// <summary>
/// Reads, reviews and closes one alert. Access is decided on the alert's child: an alert on a record the
/// professional may not open is reported exactly as one that does not exist.
/// </summary>
public sealed class ReviewAlertHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <summary>The message the domain gives for a stale version, also used when the database catches the race.</summary>

    /// <returns>Null when the alert does not exist or its child's record may not be opened.</returns>
    public async Task<AlertDetails?> HandleAsync(AlertId id, CancellationToken cancellationToken)
    {
        var childId = await ChildOfAsync(id, cancellationToken);
        if (childId is not { } child)
        {
            return null;
        }

        var decision = await access.OpenAsync(child, cancellationToken);
        if (!decision.Allowed)
        {
            return null;
        }

        await audit.RecordReadAsync("alert.view", child, decision.Reason.ToString(), cancellationToken);

        var today = clock.Today();
        var alert = await db.Alerts.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id, cancellationToken);
        var people = alert.History.Select(h => h.By).Append(alert.OwnerId).Distinct().ToList();
        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var history = alert.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new AlertHistoryItem(h.Kind, h.At, names.GetValueOrDefault(h.By) ?? "Unknown", h.Note, h.ReviewBy))
            .ToList();
        return new AlertDetails(alert.Id, alert.ChildId, alert.Category, alert.Risk, alert.AtRisk, alert.FromWhom, alert.Source,
            alert.RaisedOn, alert.ReviewBy, alert.Description, names.GetValueOrDefault(alert.OwnerId) ?? "Unknown", alert.Status,
            alert.IsReviewOverdue(today), alert.Version, history);
    }

    /// <returns>Null when the alert does not exist or its child's record may not be opened.</returns>
    public Task<Outcome<ChangedAlert>?> ReviewAsync(AlertId id, ReviewAlertCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "alert.review", (alert, by, now) =>
        {
            if (command.NextReviewBy is not { } next)
            {
                return Refusal.Of("NextReviewBy", "Enter the date the alert must next be reviewed by");
            }

            return alert.Review(next, command.Note ?? "", command.Version ?? 0, by, now);
        }, cancellationToken);

    /// <returns>Null when the alert does not exist or its child's record may not be opened.</returns>
    public Task<Outcome<ChangedAlert>?> CloseAsync(AlertId id, CloseAlertCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(id, "alert.close", (alert, by, now) => alert.Close(command.Reason ?? "", command.Version ?? 0, by, now), cancellationToken);

    /// <summary>Whether a refusal means the alert moved on (changed or closed by someone else) rather than bad input.</summary>
    public static bool IsConflict(Refusal refusal) => refusal.IsConflict;

    private async Task<Outcome<ChangedAlert>?> ChangeAsync(AlertId id, string action, Func<Alert, ProfessionalId, DateTimeOffset, Refusal?> change,
        CancellationToken cancellationToken)
    {
        var childId = await ChildOfAsync(id, cancellationToken);
        if (childId is not { } child || !(await access.OpenAsync(child, cancellationToken)).Allowed)
        {
            return null;
        }

        var alert = await db.Alerts.Include(a => a.History).SingleAsync(a => a.Id == id, cancellationToken);
        if (change(alert, user.ProfessionalId, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record(action, child, "alert", alert.Id.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the same answer as a stale version, and nothing is kept.
            db.ChangeTracker.Clear();
            return Alert.Stale;
        }

        return Outcome<ChangedAlert>.Success(new ChangedAlert(alert.Id, alert.ChildId, alert.Status, alert.ReviewBy, alert.Version));
    }

    private async Task<PersonId?> ChildOfAsync(AlertId id, CancellationToken cancellationToken) =>
        await db.Alerts.AsNoTracking().Where(a => a.Id == id).Select(a => (PersonId?)a.ChildId).FirstOrDefaultAsync(cancellationToken);
}
