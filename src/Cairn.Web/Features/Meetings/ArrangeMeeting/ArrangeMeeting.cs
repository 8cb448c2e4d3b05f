using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Meetings;
using Cairn.Web.Data;
using Cairn.Web.Notifications;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Meetings.ArrangeMeeting;

/// <summary>When and where the meeting is, who chairs it, and (after the due date) why. Version is the one read.</summary>
public sealed record ArrangeMeetingCommand
{
    public DateTimeOffset? ScheduledAt { get; init; }

    [StringLength(Meeting.MaxVenueLength)]
    public string? Venue { get; init; }

    public ProfessionalId? ChairId { get; init; }

    /// <summary>Only when the date is after the due date: why, agreed by a team manager (L16).</summary>
    public string? MoveReason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Arranges or moves a meeting (L16): the date and time, the venue and the chair, who must meet the type's chair rule. A date after
/// the due date needs a reason and a team manager. Every professional invited is told of the new or moved date by a notification
/// in the same unit of work.
/// </summary>
public sealed class ArrangeMeetingHandler(CairnDbContext db, MeetingAccessHandler meetings, CurrentUser user)
{
    public Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, ArrangeMeetingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return meetings.ChangeAsync(id, "meeting.arrange", async (meeting, now) =>
        {
            var chair = await meetings.ChairFactsAsync(meeting.ChildId, command.ChairId, meeting.OwnerId, cancellationToken);
            if (command.ChairId is not null && chair is null)
            {
                return Refusal.Of("ChairId", "Select an active professional to chair the meeting");
            }

            var moved = meeting.ScheduledAt is not null;
            if (meeting.Arrange(command.ScheduledAt, command.Venue, chair, command.MoveReason, meetings.IsManager, user.ProfessionalId,
                    command.Version ?? -1, now) is { } refusal)
            {
                return refusal;
            }

            var text = $"A {meeting.Type.Name.ToLowerInvariant()} you are invited to {(moved ? "has moved to" : "is on")} "
                       + $"{meeting.ScheduledAt!.Value.ToLondon():d MMMM yyyy 'at' HH:mm}";
            foreach (var to in meeting.Invitees.Select(i => i.ProfessionalId).Append(meeting.ChairId).OfType<ProfessionalId>()
                        .Where(p => p != user.ProfessionalId).Distinct())
            {
                db.Notifications.Add(Notification.To(to, moved ? "meeting.moved" : "meeting.arranged", text, $"/meetings/{meeting.Id.Value}", now));
            }

            return null;
        }, cancellationToken);
    }
}
