using Cairn.Domain;
using Cairn.Domain.Agencies;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.ViewShare;

public sealed record ShareChildView(PersonId Id, string Name, bool MayOpenRecord);

public sealed record ShareEventView(ShareEventKind Kind, string? By, DateTimeOffset At, string? Note, int? Level, ShareClock? Clock);

public sealed record ShareAttachmentView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>What the signed-in professional may do with the share now.</summary>
public sealed record ShareActions(bool ConfirmReceipt, bool RecordAction, bool Decline, bool Redirect, bool Close, bool EmergencyDutyNote,
    bool AcknowledgeEmergencyDuty = false);


/// <summary>One share as its page and the API show it: who sent it to whom, its clocks, its outcome and every step.</summary>
public sealed record ShareDetails
{
    public required ShareId Id { get; init; }
    public required ShareKind Kind { get; init; }
    public required string From { get; init; }
    public required string FromAgency { get; init; }
    public required string To { get; init; }
    public required Urgency Urgency { get; init; }
    public required int? WorkingDays { get; init; }
    public required string Subject { get; init; }
    public required string Message { get; init; }
    public required ShareStatus Status { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required DateTimeOffset DeliveredAt { get; init; }
    public required bool ArrivedOutOfHours { get; init; }
    public required DateTimeOffset ReceiptDueAt { get; init; }
    public required DateTimeOffset ActionDueAt { get; init; }
    public required bool Overdue { get; init; }
    public required string? ReceivedBy { get; init; }
    public required DateTimeOffset? ReceivedAt { get; init; }
    public required string? Outcome { get; init; }
    public required string? EmergencyDutyNote { get; init; }
    public required EmergencyDutyView EmergencyDuty { get; init; }
    public required int EscalationLevel { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<ShareChildView> Children { get; init; }
    public required IReadOnlyList<ShareEventView> Events { get; init; }
    public required IReadOnlyList<ShareAttachmentView> Attachments { get; init; }
    public required ShareActions Actions { get; init; }
}

/// <summary>
/// One share and every step of it, for its sender, its recipients, and those it escalated to (L01): each view is
/// audited against every child it concerns. The steps themselves are their own slices (ConfirmReceipt, RecordAction,
/// DeclineShare, RedirectShare, CloseShare, AddEmergencyDutyNote).
/// </summary>
public sealed class ViewShareHandler(CairnDbContext db, ShareAccessService shares, RecordAccessService records, AuditLog audit,
    TimeProvider clock, ShareSteps steps)
{
    /// <returns>Null when the share does not exist or the viewer may not see it.</returns>
    public async Task<ShareDetails?> HandleAsync(ShareId id, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return null;
        }

        var share = await db.Shares.AsNoTracking().Include(s => s.Children).Include(s => s.Events)
            .SingleAsync(s => s.Id == id, cancellationToken);
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

        var names = await db.Professionals.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var fromAgency = await db.Agencies.AsNoTracking().Where(a => a.Id == share.SentByAgency)
            .Select(a => a.Name)
            .SingleAsync(cancellationToken);
        var viewer = await shares.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new ShareDetails
        {
            Id = share.Id,
            Kind = share.Kind,
            From = names[share.SentBy],
            FromAgency = fromAgency,
            To = await steps.DescribeAsync(share.Recipient, cancellationToken),
            Urgency = share.Urgency,
            WorkingDays = share.WorkingDays,
            Subject = share.Subject,
            Message = share.Message,
            Status = share.Status,
            SentAt = share.SentAt,
            DeliveredAt = share.DeliveredAt,
            ArrivedOutOfHours = share.ArrivedOutOfHours,
            ReceiptDueAt = share.ReceiptDueAt,
            ActionDueAt = share.ActionDueAt,
            Overdue = share.IsOverdue(now),
            ReceivedBy = share.ReceivedBy is { } r ? names[r] : null,
            ReceivedAt = share.ReceivedAt,
            Outcome = share.Outcome,
            EmergencyDutyNote = share.EmergencyDutyNote,
            EmergencyDuty = EmergencyDutyView.Of(share.EmergencyDuty, names),
            EscalationLevel = share.EscalationLevel,
            Version = share.Version,
            Children = await ChildrenAsync(share, cancellationToken),
            Events = share.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new ShareEventView(e.Kind, e.By is { } by ? names.GetValueOrDefault(by) : null, e.At, e.Note, e.Level, e.Clock))
                .ToList(),
            Attachments = await db.ShareAttachments.AsNoTracking().Where(a => a.ShareId == id)
                .Select(a => new ShareAttachmentView(a.Id, a.FileName, a.ContentType, a.Size))
                .ToListAsync(cancellationToken),
            Actions = ActionsFor(share, viewer),
        };
    }

    /// <summary>The steps the viewer may take now: the domain decides again when they take one.</summary>
    private static ShareActions ActionsFor(Share share, ShareViewer viewer)
    {
        var isRecipient = share.IsFor(viewer.Id, viewer.Agency, viewer.Team);
        return new ShareActions(
            ConfirmReceipt: isRecipient && share.ReceivedBy is null && share.Status is ShareStatus.Delivered or ShareStatus.WithEmergencyDuty,
            RecordAction: isRecipient && share.ReceivedBy is not null && share.Status is ShareStatus.Received or ShareStatus.WithEmergencyDuty,
            Decline: isRecipient && share.IsOpen,
            Redirect: isRecipient && share.IsOpen,
            Close: share.SentBy == viewer.Id && share.IsOpen,
            EmergencyDutyNote: viewer.Has(Role.EmergencyDuty) && share.Status == ShareStatus.WithEmergencyDuty,
            AcknowledgeEmergencyDuty: viewer.Has(Role.EmergencyDuty) && share.EmergencyDuty.IsHeld && !share.EmergencyDuty.IsAcknowledged);
    }

    /// <summary>The children the share is about, each linked only for a viewer who may open that child's record.</summary>
    private async Task<List<ShareChildView>> ChildrenAsync(Share share, CancellationToken cancellationToken)
    {
        var childIds = share.Children.Select(c => c.ChildId).ToList();
        var children = new List<ShareChildView>();
        var rows = await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToListAsync(cancellationToken);
        foreach (var child in rows)
        {
            var mayOpen = (await records.DecideAsync(child.Id, cancellationToken)).Allowed;
            children.Add(new ShareChildView(child.Id, $"{child.GivenName} {child.FamilyName}", mayOpen));
        }

        return children;
    }
}
