using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings.ConfirmMinutes;

/// <summary>The chair confirms the minutes as read. Version is the one read.</summary>
public sealed record ConfirmMinutesCommand
{
    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// The chair confirms the minutes (L21): refused for anyone else, and until the child's and parents' views and the family's summary
/// are written. In the same unit of work the minutes go as followed-through shares to every recipient the type requires: the
/// professionals invited (or who attended), the child's GP even if not invited (L26), the parents' own allocated workers (L29).
/// </summary>
public sealed class ConfirmMinutesHandler(CairnDbContext db, MeetingAccessHandler meetings, MeetingSharesHandler shares, CurrentUser user)
{
    public async Task<Handled<ChangedMeeting>> HandleAsync(MeetingId id, ConfirmMinutesCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sent = 0;
        return await meetings.ChangeAsync(id, "meeting.minutes.confirm", async (meeting, now) =>
        {
            if (meeting.ConfirmMinutes(user.ProfessionalId, command.Version ?? -1, now) is { } refusal)
            {
                return refusal;
            }

            var area = await db.People.Where(p => p.Id == meeting.ChildId).Select(p => p.AreaId).SingleAsync(cancellationToken);
            var type = (await AreaMeetingRules.ForAreaAsync(db, area, cancellationToken)).TypeOf(meeting.Kind);
            sent = (await shares.SendMinutesToRecipientsAsync(meeting, type.MinutesTo, user.ProfessionalId, now, cancellationToken)).Count;
            return null;
        }, cancellationToken, _ => [$"Minutes sent to {sent} professional{(sent == 1 ? "" : "s")}"]);
    }
}
