using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Escalation;
using Cairn.Domain.People;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Features.Shared;
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

public sealed record SentShare(ShareId Id, ShareStatus Status, DateTimeOffset DeliveredAt, DateTimeOffset ReceiptDueAt,
    DateTimeOffset ActionDueAt);

/// <summary>
/// Sends a share (L01). Due times come from the working-day calendar (L02); each child's chronology records
/// that it was sent; a named recipient is notified. Nothing is sent about a child the sender cannot see.
/// </summary>
public sealed class SendShareHandler(CairnDbContext db, RecordAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock,
    WorkingCalendarSource calendars, ShareSteps steps)
{
    public async Task<Handled<SentShare>> HandleAsync(SendShareCommand command, IReadOnlyList<UploadedFile> files,
        CancellationToken cancellationToken)
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

        if (command.RecipientAgencyId is { } agency
            && await ShareRecipients.CheckAsync(db, agency, command.RecipientTeamId, command.RecipientProfessionalId, cancellationToken) is { } bad)
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
        var draft = new ShareDraft(command.Kind, recipient, children, command.Urgency, command.WorkingDays, command.Subject, command.Message);
        // A share follows the out-of-hours rules of the area it is sent to (L02).
        var rules = recipient is null ? OutOfHoursRules.Default : await AreaOutOfHoursRules.ForAgencyAsync(db, recipient.Agency, cancellationToken);
        var outcome = Share.Send(draft, user.ProfessionalId, user.AgencyId, now, await calendars.GetAsync(cancellationToken), rules: rules);
        if (outcome.Refusal is { } refused)
        {
            return refused;
        }

        var share = outcome.Value!;
        db.Shares.Add(share);
        foreach (var (name, type, content) in checkedFiles)
        {
            Uploads.Attach(db, share, name, type, content, user.ProfessionalId, now);
        }

        var to = await steps.DescribeAsync(share.Recipient, cancellationToken);
        var kind = Display.Text(share.Kind);
        await steps.RecordInChronologyAsync(share, user.ProfessionalId, $"{kind} sent to {to}: {share.Subject}", now, cancellationToken);
        if (share.Recipient.Professional is { } named)
        {
            steps.Notify(named, "share.sent", $"New {kind.ToLowerInvariant()} for you, {UrgencyText(share)}", share.Id, now);
        }

        foreach (var child in children)
        {
            audit.Record("share.send", child, "share", share.Id.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SentShare(share.Id, share.Status, share.DeliveredAt, share.ReceiptDueAt, share.ActionDueAt);
    }

    private static string UrgencyText(Share share) => share.Urgency switch
    {
        Urgency.Immediate => "immediate",
        Urgency.SameWorkingDay => "needed today",
        Urgency.BeforeNextSchoolDay => "before the next school day",
        _ => $"due within {share.WorkingDays} working days",
    };
}
