using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Domain.Meetings;
using Cairn.Domain.Shares;
using Cairn.Domain.Time;
using Cairn.Web.Data;
using Cairn.Web.Features.Shares;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Meetings;

/// <summary>
/// Sends a meeting's invitations and minutes as followed-through shares (L01, L21): each professional invited gets their own
/// share, to be received and confirmed on the share's clocks, escalating as any share does when it is not. The child's
/// chronology records each, the recipient is notified, and each send is audited. The caller saves.
/// </summary>
public sealed class MeetingSharesHandler(CairnDbContext db, ShareSteps steps)
{
    /// <summary>Working days an invitee has to confirm they received an invitation.</summary>
    public const int InvitationWorkingDays = 2;

    /// <summary>Working days a recipient has to confirm they received the minutes and act on them.</summary>
    public const int MinutesWorkingDays = 5;

    /// <summary>Invites one professional by a share; nothing is sent to a family member (they are invited in person).</summary>
    public async Task<ShareId?> SendInvitationAsync(Meeting meeting, MeetingInvitee invitee, ProfessionalId by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(invitee);
        if (invitee.ProfessionalId is not { } to || invitee.AgencyId is not { } agency)
        {
            return null;
        }

        var when = meeting.ScheduledAt is { } at
            ? $"on {at.InLondon():d MMMM yyyy}"
            : meeting.DueOn is { } due ? $"due by {due:d MMMM yyyy}; the date will follow" : "the date will follow";
        var subject = $"Invitation: {meeting.Type.Name.ToLowerInvariant()} {when}";
        var message = $"You are invited as {MeetingWords.Role(invitee.Role)}"
                      + (invitee.InvitedBecause is { } because ? $" ({because})" : "")
                      + $". {meeting.Type.Purpose} Confirm you have received this invitation, and send a written report if you cannot attend. "
                      + $"Meeting: /meetings/{meeting.Id.Value}";
        var share = await SendAsync(meeting, ShareKind.MeetingInvitation, to, agency, InvitationWorkingDays, subject, message, by, now,
            cancellationToken);
        if (share is { } id)
        {
            meeting.RecordInvitationShare(invitee, id);
        }

        return share;
    }

    /// <summary>Sends the confirmed minutes to one professional, and records the share against their invitation when they had one.</summary>
    public async Task<ShareId?> SendMinutesAsync(Meeting meeting, MeetingInvitee? invitee, ProfessionalId to, AgencyId agency, ProfessionalId by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var subject = $"Minutes: {meeting.Type.Name.ToLowerInvariant()} held {meeting.HeldOn:d MMMM yyyy}";
        var message = $"The minutes of the {meeting.Type.Name.ToLowerInvariant()} are confirmed by the chair. Confirm you have received them "
                      + $"and act on what they ask of you. Minutes: /meetings/{meeting.Id.Value}/minutes";
        var share = await SendAsync(meeting, ShareKind.Minutes, to, agency, MinutesWorkingDays, subject, message, by, now, cancellationToken);
        if (share is { } id && invitee is not null)
        {
            meeting.RecordMinutesShare(invitee, id);
        }

        return share;
    }

    /// <summary>
    /// Sends the confirmed minutes to every recipient the type requires (L21, L26, L29), once each: the professionals invited, or
    /// those who attended; the child's GP from the team around the child even if not invited; each parent's own allocated worker.
    /// Inactive professionals and the sender are left out. Returns the shares sent.
    /// </summary>
    public async Task<IReadOnlyList<ShareId>> SendMinutesToRecipientsAsync(Meeting meeting, MinutesRecipients to, ProfessionalId by,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var today = now.InLondon();
        var recipients = new List<(MeetingInvitee? Invitee, ProfessionalId To, AgencyId Agency)>();
        foreach (var invitee in meeting.Invitees.Where(i => i.ProfessionalId is not null && i.AgencyId is not null))
        {
            var attended = to.HasFlag(MinutesRecipients.Attendees) && invitee.Attendance == Attendance.Attended;
            var ownWorker = to.HasFlag(MinutesRecipients.ParentsOwnWorkers) && invitee.Role == MeetingRole.ParentsOwnWorker;
            if (to.HasFlag(MinutesRecipients.Invitees) || attended || ownWorker)
            {
                recipients.Add((invitee, invitee.ProfessionalId!.Value, invitee.AgencyId!.Value));
            }
        }

        if (to.HasFlag(MinutesRecipients.Gp))
        {
            var gps = await db.Involvements.AsNoTracking()
                .Where(i => i.ChildId == meeting.ChildId && i.Role == InvolvementRole.GeneralPractitioner && i.StartedOn <= today
                            && (i.EndedOn == null || i.EndedOn >= today))
                .Select(i => new { i.ProfessionalId, i.AgencyId }).ToListAsync(cancellationToken);
            recipients.AddRange(gps.Select(g =>
                (meeting.Invitees.FirstOrDefault(i => i.ProfessionalId == g.ProfessionalId), g.ProfessionalId, g.AgencyId)));
        }

        if (to.HasFlag(MinutesRecipients.ParentsOwnWorkers))
        {
            var parents = await MeetingSchedulingHandler.ParentsAsync(db, meeting.ChildId, cancellationToken);
            var workers = await db.AdultWorkers.AsNoTracking()
                .Where(w => parents.Contains(w.AdultId) && w.StartedOn <= today && (w.EndedOn == null || w.EndedOn >= today))
                .Select(w => new { w.ProfessionalId, w.AgencyId }).ToListAsync(cancellationToken);
            recipients.AddRange(workers.Select(w => (meeting.Invitees.FirstOrDefault(i => i.ProfessionalId == w.ProfessionalId), w.ProfessionalId,
                w.AgencyId)));
        }

        var ids = recipients.Select(r => r.To).Distinct().ToList();
        var active = await db.Professionals.Where(p => ids.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken);
        var sent = new List<ShareId>();
        foreach (var (invitee, recipient, agency) in recipients.Where(r => r.To != by && active.Contains(r.To)).DistinctBy(r => r.To))
        {
            if (await SendMinutesAsync(meeting, invitee, recipient, agency, by, now, cancellationToken) is { } share)
            {
                sent.Add(share);
            }
        }

        return sent;
    }

    private async Task<ShareId?> SendAsync(Meeting meeting, ShareKind kind, ProfessionalId to, AgencyId agency, int workingDays, string subject,
        string message, ProfessionalId by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var what = kind == ShareKind.Minutes ? "Meeting minutes" : "Meeting invitation";
        var share = await steps.SendRoutineAsync(new RoutineShare(kind, meeting.ChildId, to, agency, workingDays, subject, message, what), by, now,
            cancellationToken);
        return share?.Id;
    }
}
