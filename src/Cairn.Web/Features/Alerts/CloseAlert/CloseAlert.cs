using System.ComponentModel.DataAnnotations;
using Cairn.Domain;

namespace Cairn.Web.Features.Alerts.CloseAlert;

/// <summary>The alert no longer applies. Version is the one the person closing it saw.</summary>
public sealed record CloseAlertCommand
{
    [StringLength(4000)]
    public string? Reason { get; init; }

    [Required(ErrorMessage = "Send the version of the alert you read")]
    public int? Version { get; init; }
}

/// <summary>Closes an alert with the reason it no longer applies; anyone who may open the child's record may close it.</summary>
public sealed class CloseAlertHandler(AlertChangesHandler alerts)
{
    /// <returns>Not found when the alert does not exist or its child's record may not be opened.</returns>
    public Task<Handled<ChangedAlert>> HandleAsync(AlertId id, CloseAlertCommand command, CancellationToken cancellationToken) =>
        alerts.ChangeAsync(id, "alert.close", (alert, by, now) => alert.Close(command.Reason ?? "", command.Version ?? 0, by, now),
            cancellationToken);
}
