using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.FollowThrough;
using Cairn.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.SendShare;

/// <summary>A share as a professional sends it: to an agency, optionally narrowed to a team or a named professional.</summary>
public sealed record SendShareCommand
{
    [Required]
    public ShareKind? Kind { get; init; }

    [Required]
    public AgencyId? RecipientAgencyId { get; init; }

    public TeamId? RecipientTeamId { get; init; }
    public ProfessionalId? RecipientProfessionalId { get; init; }

    /// <summary>The children the share is about. The sender must be able to open each one's record.</summary>
    public IReadOnlyList<PersonId> ChildIds { get; init; } = [];

    [Required]
    public Urgency? Urgency { get; init; }

    [Range(1, Share.MaxWorkingDays)]
    public int? WorkingDays { get; init; }

    [StringLength(Share.MaxSubjectLength)]
    public string? Subject { get; init; }

    [StringLength(Share.MaxMessageLength)]
    public string? Message { get; init; }
}

/// <summary>A file to attach, as uploaded.</summary>
public sealed record UploadedFile(string? FileName, byte[] Content);

public sealed record SentShare(ShareId Id, ShareStatus Status, DateTimeOffset DeliveredAt, DateTimeOffset ReceiptDueAt, DateTimeOffset ActionDueAt);

public sealed record AttachedFile(Guid Id, string FileName, string ContentType, long Size);

public sealed record AgencyChoice(AgencyId Id, string Name, IReadOnlyList<TeamChoice> Teams);

public sealed record TeamChoice(TeamId Id, string Name);

public sealed record ProfessionalChoice(ProfessionalId Id, string Name, string JobTitle, AgencyId AgencyId, string Agency);

/// <summary>
/// Sends a share (L01). Due times come from the working-day calendar (L02); each child's chronology records
/// that it was sent; a named recipient is notified. Nothing is sent about a child the sender cannot see.
/// </summary>
public sealed class SendShareHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WorkingCalendarSource calendars, ShareSteps steps)
{
    public async Task<Outcome<SentShare>> SendAsync(SendShareCommand command, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var children = command.ChildIds.Distinct().ToList();
        foreach (var child in children)
        {
            if (!(await access.OpenAsync(child, cancellationToken)).Allowed
                || await db.People.Where(p => p.Id == child).Select(p => p.Kind).SingleAsync(cancellationToken) != PersonKind.Child)
            {
                return Refusal.Of("ChildIds", "Select children whose records you can open");
            }
        }

        if (await RecipientAsync(command, cancellationToken) is { Refusal: { } bad })
        {
            return bad;
        }

        var checkedFiles = new List<(string Name, string Type, byte[] Content)>();
        if (files.Count > AttachmentPolicy.MaxPerShare)
        {
            return Refusal.Of("Attachment", $"Attach {AttachmentPolicy.MaxPerShare} files or fewer");
        }

        foreach (var file in files)
        {
            var check = AttachmentPolicy.Check(file.FileName, file.Content);
            if (check.Refusal is { } refusal)
            {
                return refusal;
            }

            checkedFiles.Add((check.Value.FileName, check.Value.ContentType, file.Content));
        }

        var now = clock.GetUtcNow();
        var recipient = command.RecipientAgencyId is { } agencyId
            ? new ShareRecipient(agencyId, command.RecipientTeamId, command.RecipientProfessionalId)
            : null;
        var outcome = Share.Send(new ShareDraft(command.Kind, recipient, children, command.Urgency, command.WorkingDays, command.Subject, command.Message),
            user.ProfessionalId, user.AgencyId, now, await calendars.GetAsync(cancellationToken));
        if (outcome.Refusal is { } refused)
        {
            return refused;
        }

        var share = outcome.Value!;
        db.Shares.Add(share);
        foreach (var (name, type, content) in checkedFiles)
        {
            Attach(share, name, type, content, now);
        }

        var to = await steps.DescribeAsync(share.Recipient, cancellationToken);
        await steps.RecordInChronologyAsync(share, user.ProfessionalId, $"{Display(share.Kind)} sent to {to}: {share.Subject}", now, cancellationToken);
        if (share.Recipient.Professional is { } named)
        {
            steps.Notify(named, "share.sent", $"New {Display(share.Kind).ToLowerInvariant()} for you, {UrgencyText(share)}", share.Id, now);
        }

        foreach (var child in children)
        {
            audit.Record("share.send", child, "share", share.Id.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<SentShare>.Success(new SentShare(share.Id, share.Status, share.DeliveredAt, share.ReceiptDueAt, share.ActionDueAt));
    }

    /// <summary>Adds a file to a share the signed-in professional sent and that is still open.</summary>
    /// <returns>Null when the share does not exist or is not the caller's to add to.</returns>
    public async Task<Outcome<AttachedFile>?> AttachAsync(ShareId id, UploadedFile file, CancellationToken cancellationToken)
    {
        var share = await db.Shares.FirstOrDefaultAsync(s => s.Id == id && s.SentBy == user.ProfessionalId, cancellationToken);
        if (share is null)
        {
            return null;
        }

        if (!share.IsOpen)
        {
            return Refusal.Of("Attachment", "The share is closed: send a new share instead");
        }

        if (await db.ShareAttachments.CountAsync(a => a.ShareId == id, cancellationToken) >= AttachmentPolicy.MaxPerShare)
        {
            return Refusal.Of("Attachment", $"A share can have {AttachmentPolicy.MaxPerShare} attachments at most");
        }

        var check = AttachmentPolicy.Check(file.FileName, file.Content);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        var attachment = Attach(share, check.Value.FileName, check.Value.ContentType, file.Content, clock.GetUtcNow());
        audit.Record("share.attach", null, "share", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AttachedFile>.Success(new AttachedFile(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size));
    }

    public async Task<(IReadOnlyList<AgencyChoice> Agencies, IReadOnlyList<ProfessionalChoice> Professionals)> ChoicesAsync(CancellationToken cancellationToken)
    {
        var area = user.AreaId;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.AreaId == area).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var ids = agencies.Select(a => a.Id).ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.AgencyId)).Select(t => new { t.Id, t.AgencyId, t.Name }).ToListAsync(cancellationToken);
        var professionals = await db.Professionals.AsNoTracking().Where(p => p.IsActive && ids.Contains(p.AgencyId))
            .Select(p => new { p.Id, p.Name, p.JobTitle, p.AgencyId }).ToListAsync(cancellationToken);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        return (
            agencies.OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => new AgencyChoice(a.Id, a.Name, teams.Where(t => t.AgencyId == a.Id).OrderBy(t => t.Name, StringComparer.Ordinal)
                    .Select(t => new TeamChoice(t.Id, t.Name)).ToList()))
                .ToList(),
            professionals.OrderBy(p => names[p.AgencyId], StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new ProfessionalChoice(p.Id, p.Name, p.JobTitle, p.AgencyId, names[p.AgencyId])).ToList());
    }

    private ShareAttachment Attach(Share share, string name, string type, byte[] content, DateTimeOffset now)
    {
        var attachment = ShareAttachment.Create(share.Id, name, type, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), user.ProfessionalId, now);
        db.ShareAttachments.Add(attachment);
        db.ShareAttachmentContents.Add(new ShareAttachmentContent { Id = attachment.Id, Bytes = content });
        return attachment;
    }

    /// <summary>The recipient must exist, and a team or professional must belong to the agency named.</summary>
    private async Task<Outcome<bool>> RecipientAsync(SendShareCommand command, CancellationToken cancellationToken)
    {
        if (command.RecipientAgencyId is not { } agency)
        {
            return Outcome<bool>.Success(true);
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == agency, cancellationToken))
        {
            return Refusal.Of("RecipientAgencyId", "Select an agency to send the share to");
        }

        if (command.RecipientTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.AgencyId == agency, cancellationToken))
        {
            return Refusal.Of("RecipientTeamId", "Select a team that belongs to the agency you chose");
        }

        if (command.RecipientProfessionalId is { } professional)
        {
            var found = await db.Professionals.Where(p => p.Id == professional && p.IsActive).Select(p => new { p.AgencyId, p.TeamId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || found.AgencyId != agency || (command.RecipientTeamId is { } t && found.TeamId != t))
            {
                return Refusal.Of("RecipientProfessionalId", "Select a professional who works in the agency (and team) you chose");
            }
        }

        return Outcome<bool>.Success(true);
    }

    public static string Display(ShareKind kind) => Features.Shared.Display.Text(kind);

    private static string UrgencyText(Share share) => share.Urgency switch
    {
        Urgency.Immediate => "immediate",
        Urgency.SameWorkingDay => "needed today",
        Urgency.BeforeNextSchoolDay => "before the next school day",
        _ => $"due within {share.WorkingDays} working days",
    };
}
