using Cairn.Domain;
using Cairn.Domain.Escalation;

namespace Cairn.Web.Features.Shared;

/// <summary>
/// Where a share or a contact stands with the Emergency Duty Team (L02): why it went to them and when, until when they hold
/// it, and whether they have acknowledged it. Null fields for an item they do not hold; <see cref="PassesAt"/> is when an
/// urgent item the day team has will pass to them if it is still open then.
/// </summary>
public sealed record EmergencyDutyView(
    DateTimeOffset? PassesAt,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Reason,
    DateTimeOffset? AcknowledgeDueAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    int Level)
{
    public bool IsHeld => Since is not null;

    /// <param name="names">Professionals' names by id: the acknowledger's is shown.</param>
    public static EmergencyDutyView Of(EmergencyDutyHold hold, IReadOnlyDictionary<ProfessionalId, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new EmergencyDutyView(hold.PassesAt, hold.Since, hold.Until, hold.Reason, hold.AcknowledgeDueAt,
            hold.AcknowledgedBy is { } by ? names.GetValueOrDefault(by) : null, hold.AcknowledgedAt, hold.Level);
    }
}
