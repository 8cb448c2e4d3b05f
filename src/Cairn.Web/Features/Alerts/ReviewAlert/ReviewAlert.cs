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

/// <summary>One alert as its review page and the API show it, with its history of reviews.</summary>
public sealed record AlertDetails
{
    public required AlertId Id { get; init; }
    public required PersonId ChildId { get; init; }
    public required AlertCategory Category { get; init; }
    public required string Risk { get; init; }
    public required string AtRisk { get; init; }
    public required string FromWhom { get; init; }
    public required string Source { get; init; }
    public required DateOnly RaisedOn { get; init; }
    public required DateOnly ReviewBy { get; init; }
    public required string Description { get; init; }
    public required string Owner { get; init; }
    public required AlertStatus Status { get; init; }
    public required bool ReviewOverdue { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<AlertHistoryItem> History { get; init; }
}

public sealed record AlertHistoryItem(AlertEventKind Kind, DateTimeOffset At, string By, string? Note, DateOnly? ReviewBy);

/// <summary>
/// Reads one alert and records that it still stands. Access is decided on the alert's child: an alert on a record the
/// professional may not open is reported exactly as one that does not exist. Closing it is the CloseAlert slice.
/// </summary>
public sealed class ReviewAlertHandler(CairnDbContext db, RecordAccessService access, AuditLog audit, TimeProvider clock,
    AlertChangesHandler alerts)
{
    /// <returns>Null when the alert does not exist or its child's record may not be opened.</returns>
    public async Task<AlertDetails?> HandleAsync(AlertId id, CancellationToken cancellationToken)
    {
        var childId = await alerts.ChildOfAsync(id, cancellationToken);
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
        var names = await db.Professionals.AsNoTracking()
            .Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var history = alert.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new AlertHistoryItem(h.Kind, h.At, names.GetValueOrDefault(h.By) ?? "Unknown", h.Note, h.ReviewBy))
            .ToList();
        return new AlertDetails
        {
            Id = alert.Id,
            ChildId = alert.ChildId,
            Category = alert.Category,
            Risk = alert.Risk,
            AtRisk = alert.AtRisk,
            FromWhom = alert.FromWhom,
            Source = alert.Source,
            RaisedOn = alert.RaisedOn,
            ReviewBy = alert.ReviewBy,
            Description = alert.Description,
            Owner = names.GetValueOrDefault(alert.OwnerId) ?? "Unknown",
            Status = alert.Status,
            ReviewOverdue = alert.IsReviewOverdue(today),
            Version = alert.Version,
            History = history,
        };
    }

    /// <returns>Not found when the alert does not exist or its child's record may not be opened.</returns>
    public Task<Handled<ChangedAlert>> ReviewAsync(AlertId id, ReviewAlertCommand command, CancellationToken cancellationToken) =>
        alerts.ChangeAsync(id, "alert.review", (alert, by, now) =>
        {
            if (command.NextReviewBy is not { } next)
            {
                return Refusal.Of("NextReviewBy", "Enter the date the alert must next be reviewed by");
            }

            return alert.Review(next, command.Note ?? "", command.Version ?? 0, by, now);
        }, cancellationToken);
}
