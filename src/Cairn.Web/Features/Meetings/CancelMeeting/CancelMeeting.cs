using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Meetings.CancelMeeting;

/// <summary>Why the meeting is not going ahead. Version is the one read.</summary>
public sealed record CancelMeetingCommand
{
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Cancels a meeting not yet held, with the reason (for a family group decision-making meeting: why it was not offered). Its
/// escalation stops; the record keeps it, cancelled, with the reason.
/// </summary>
public sealed class CancelMeetingHandler(MeetingAccessHandler meetings, CurrentUser user)
{
    public Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, CancelMeetingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return meetings.ChangeAsync(id, "meeting.cancel", (meeting, now) =>
            Task.FromResult(meeting.Cancel(command.Reason, user.ProfessionalId, command.Version ?? -1, now)), cancellationToken);
    }
}
