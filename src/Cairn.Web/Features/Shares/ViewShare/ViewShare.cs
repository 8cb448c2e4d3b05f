using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.FollowThrough;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.ViewShare;

/// <summary>A step on a share. Version is the one the person saw; text is the note, outcome or reason the step needs.</summary>
public sealed record ShareStepCommand
{
    public int? Version { get; init; }
    public string? Text { get; init; }
}

/// <summary>Redirecting a share to the right agency, team or person, with why.</summary>
public sealed record RedirectShareCommand
{
    public int? Version { get; init; }
    public AgencyId? RecipientAgencyId { get; init; }
    public TeamId? RecipientTeamId { get; init; }
    public ProfessionalId? RecipientProfessionalId { get; init; }
    public string? Reason { get; init; }
}

public sealed record ShareChildView(PersonId Id, string Name, bool MayOpenRecord);

public sealed record ShareEventView(ShareEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level, ShareClock? Clock);

public sealed record ShareAttachmentView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>What the signed-in professional may do with the share now.</summary>
public sealed record ShareActions(bool ConfirmReceipt, bool RecordAction, bool Decline, bool Redirect, bool Close, bool EmergencyDutyNote);

public sealed record ShareDetails(ShareId Id, ShareKind Kind, string From, string FromAgency, string To, Urgency Urgency, int? WorkingDays,
    string Subject, string Message, ShareStatus Status, DateTimeOffset SentAt, DateTimeOffset DeliveredAt, bool ArrivedOutOfHours,
    DateTimeOffset ReceiptDueAt, DateTimeOffset ActionDueAt, bool Overdue, string? ReceivedBy, DateTimeOffset? ReceivedAt, string? Outcome,
    string? EmergencyDutyNote, int EscalationLevel, int Version, IReadOnlyList<ShareChildView> Children, IReadOnlyList<ShareEventView> Events,
    IReadOnlyList<ShareAttachmentView> Attachments, ShareActions Actions);

public sealed record ShareStepDone(ShareId Id, ShareStatus Status, int Version);

/// <summary>
/// One share and every step of it, for its sender, its recipients, and those it escalated to; and the steps
/// themselves: confirm receipt, record the action, decline, redirect, close unconfirmed, add an EDT note.
/// Each step is recorded with who and when, appears in each child's chronology, and tells the sender.
/// </summary>
public sealed class ViewShareHandler(CairnDbContext db, ShareAccessService shares, RecordAccessService records, CurrentUser user, AuditLog audit,
    TimeProvider clock, ShareSteps steps)
{
    /// <returns>Null when the share does not exist or the viewer may not see it.</returns>
    public async Task<ShareDetails?> HandleAsync(ShareId id, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return null;
        }

        var share = await db.Shares.AsNoTracking().Include(s => s.Children).Include(s => s.Events).SingleAsync(s => s.Id == id, cancellationToken);
        foreach (var child in share.Children)
        {
            audit.Record("share.view", child.ChildId, "share", id.Value);
        }

        await db.SaveChangesAsync(cancellationToken);

        var people = share.Events.Where(e => e.By is not null).Select(e => e.By!.Value).Append(share.SentBy).Distinct().ToList();
        if (share.ReceivedBy is { } receiver)
        {
            people.Add(receiver);
        }

        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var fromAgency = await db.Agencies.AsNoTracking().Where(a => a.Id == share.SentByAgency).Select(a => a.Name).SingleAsync(cancellationToken);
        var childIds = share.Children.Select(c => c.ChildId).ToList();
        var children = new List<ShareChildView>();
        foreach (var child in await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken))
        {
            children.Add(new ShareChildView(child.Id, $"{child.GivenName} {child.FamilyName}", (await records.DecideAsync(child.Id, cancellationToken)).Allowed));
        }

        var attachments = await db.ShareAttachments.AsNoTracking().Where(a => a.ShareId == id)
            .Select(a => new ShareAttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(cancellationToken);
        var viewer = await shares.ViewerAsync(cancellationToken);
        var isRecipient = share.IsFor(viewer.Id, viewer.Agency, viewer.Team);
        var now = clock.GetUtcNow();
        var actions = new ShareActions(
            ConfirmReceipt: isRecipient && share.Status is ShareStatus.Delivered or ShareStatus.WithEmergencyDuty,
            RecordAction: isRecipient && share.Status == ShareStatus.Received,
            Decline: isRecipient && share.IsOpen,
            Redirect: isRecipient && share.IsOpen,
            Close: share.SentBy == viewer.Id && share.IsOpen,
            EmergencyDutyNote: viewer.Has(Role.EmergencyDuty) && share.Status == ShareStatus.WithEmergencyDuty);

        return new ShareDetails(share.Id, share.Kind, names[share.SentBy], fromAgency, await steps.DescribeAsync(share.Recipient, cancellationToken),
            share.Urgency, share.WorkingDays, share.Subject, share.Message, share.Status, share.SentAt, share.DeliveredAt, share.ArrivedOutOfHours,
            share.ReceiptDueAt, share.ActionDueAt, share.IsOverdue(now), share.ReceivedBy is { } r ? names[r] : null, share.ReceivedAt, share.Outcome,
            share.EmergencyDutyNote, share.EscalationLevel, share.Version, children,
            share.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new ShareEventView(e.Kind, e.By is { } by ? names.GetValueOrDefault(by) : null, e.At, e.Note, e.Level, e.Clock)).ToList(),
            attachments, actions);
    }

    public Task<Outcome<ShareStepDone>?> ConfirmReceiptAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        StepAsync(id, "share.receive", (share, viewer, now) => share.ConfirmReceipt(viewer.Id, viewer.Agency, viewer.Team, command.Version ?? 0, now),
            (share, by) => $"Received by {by}", notifySender: "Your share has been received", cancellationToken);

    public Task<Outcome<ShareStepDone>?> RecordActionAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        StepAsync(id, "share.action", (share, viewer, now) => share.RecordAction(viewer.Id, viewer.Agency, viewer.Team, command.Text, command.Version ?? 0, now),
            (share, by) => $"Actioned by {by}: {share.Outcome}", notifySender: "Your share has been actioned", cancellationToken);

    public Task<Outcome<ShareStepDone>?> DeclineAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        StepAsync(id, "share.decline", (share, viewer, now) => share.Decline(viewer.Id, viewer.Agency, viewer.Team, command.Text, command.Version ?? 0, now),
            (share, by) => $"Declined by {by}: {share.Outcome}", notifySender: "Your share has been declined", cancellationToken);

    public Task<Outcome<ShareStepDone>?> CloseAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        StepAsync(id, "share.close", (share, viewer, now) => share.CloseUnconfirmed(viewer.Id, command.Text, command.Version ?? 0, now),
            (share, by) => $"Closed unconfirmed by {by}: {share.Outcome}", notifySender: null, cancellationToken);

    public Task<Outcome<ShareStepDone>?> AddEmergencyDutyNoteAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        StepAsync(id, "share.edt-note", (share, viewer, now) => share.AddEmergencyDutyNote(viewer.Id, viewer.Has(Role.EmergencyDuty), command.Text, command.Version ?? 0, now),
            (share, by) => $"Emergency Duty Team note by {by}", notifySender: "The Emergency Duty Team has added a note to your share", cancellationToken);

    public async Task<Outcome<ShareStepDone>?> RedirectAsync(ShareId id, RedirectShareCommand command, CancellationToken cancellationToken)
    {
        if (command.RecipientAgencyId is not { } agency)
        {
            return await InvalidAsync(id, "RecipientAgencyId", "Select the agency the share should go to", cancellationToken);
        }

        if (command.RecipientTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.AgencyId == agency, cancellationToken))
        {
            return await InvalidAsync(id, "RecipientTeamId", "Select a team that belongs to the agency you chose", cancellationToken);
        }

        if (command.RecipientProfessionalId is { } professional
            && !await db.Professionals.AnyAsync(p => p.Id == professional && p.IsActive && p.AgencyId == agency, cancellationToken))
        {
            return await InvalidAsync(id, "RecipientProfessionalId", "Select a professional who works in the agency you chose", cancellationToken);
        }

        var to = new ShareRecipient(agency, command.RecipientTeamId, command.RecipientProfessionalId);
        var description = await steps.DescribeAsync(to, cancellationToken);
        var outcome = await StepAsync(id, "share.redirect",
            (share, viewer, now) => share.Redirect(viewer.Id, viewer.Agency, viewer.Team, to, command.Reason, command.Version ?? 0, now),
            (share, by) => $"Redirected by {by} to {description}", notifySender: "Your share has been redirected", cancellationToken);
        if (outcome is { Value: not null } && command.RecipientProfessionalId is { } named)
        {
            steps.Notify(named, "share.redirected", "A share has been redirected to you", id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>A refusal for someone who may see the share; for anyone else, the same "not found" as always.</summary>
    private async Task<Outcome<ShareStepDone>?> InvalidAsync(ShareId id, string field, string message, CancellationToken cancellationToken) =>
        await shares.MayViewAsync(id, cancellationToken) ? Refusal.Of(field, message) : (Outcome<ShareStepDone>?)null;

    /// <returns>Null when the attachment does not exist or the viewer may not see its share.</returns>
    public async Task<(string FileName, byte[] Content)?> AttachmentAsync(ShareId id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return null;
        }

        var attachment = await db.ShareAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ShareId == id)
            .Join(db.ShareAttachmentContents, a => a.Id, c => c.Id, (a, c) => new { a.FileName, c.Bytes })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        audit.Record("share.attachment.download", null, "share", id.Value, detail: attachmentId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return (attachment.FileName, attachment.Bytes);
    }

    private async Task<Outcome<ShareStepDone>?> StepAsync(ShareId id, string action, Func<Share, ShareViewer, DateTimeOffset, Refusal?> step,
        Func<Share, string, string> summary, string? notifySender, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return null;
        }

        var share = await db.Shares.Include(s => s.Children).Include(s => s.Events).SingleAsync(s => s.Id == id, cancellationToken);
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (step(share, viewer, now) is { } refusal)
        {
            if (!refusal.IsConflict)
            {
                audit.Record(action, null, "share", id.Value, "refused");
                await db.SaveChangesAsync(cancellationToken);
            }

            return refusal;
        }

        await steps.RecordInChronologyAsync(share, viewer.Id, $"{SendShare.SendShareHandler.Display(share.Kind)} “{share.Subject}”: {summary(share, user.DisplayName)}",
            now, cancellationToken);
        if (notifySender is not null && share.SentBy != viewer.Id)
        {
            steps.Notify(share.SentBy, action, notifySender, id, now);
        }

        foreach (var child in share.Children)
        {
            audit.Record(action, child.ChildId, "share", id.Value);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Share.Stale;
        }

        return Outcome<ShareStepDone>.Success(new ShareStepDone(share.Id, share.Status, share.Version));
    }
}
