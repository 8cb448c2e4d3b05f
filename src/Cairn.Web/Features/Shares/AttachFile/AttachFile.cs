using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.AttachFile;

public sealed record AttachedFile(Guid Id, string FileName, string ContentType, long Size);

/// <summary>
/// Adds a file to a share the signed-in professional sent and that is still open. The file is recognised by its content
/// (<see cref="AttachmentPolicy"/>), never by its name alone.
/// </summary>
public sealed class AttachFileHandler(CairnDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    /// <returns>Not found when the share does not exist or is not the caller's to add to.</returns>
    public async Task<Handled<AttachedFile>> HandleAsync(ShareId id, UploadedFile file, CancellationToken cancellationToken)
    {
        var share = await db.Shares.FirstOrDefaultAsync(s => s.Id == id && s.SentBy == user.ProfessionalId, cancellationToken);
        if (share is null)
        {
            return Handled.NotFound;
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

        var attachment = Uploads.Attach(db, share, check.Value.FileName, check.Value.ContentType, file.Content, user.ProfessionalId,
            clock.GetUtcNow());
        audit.Record("share.attach", null, "share", id.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new AttachedFile(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size);
    }
}

public sealed class AttachFileEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/attachments", HandleAsync)
            .WithName("AttachToShare")
            .WithSummary($"Attaches a file (multipart field 'file') to a share you sent that is still open: PDF, .docx, JPEG, PNG or "
                + $"plain text, recognised by content, under 10MB, at most {AttachmentPolicy.MaxPerShare} per share.")
            .WithTags("Shares")
            // Bearer-token clients only (no cookies reach /api), so there is no cross-site form to forge.
            .DisableAntiforgery();

    private static async Task<Results<Created<AttachedFile>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, IFormFile? file, AttachFileHandler handler, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Problems.Invalid("Attachment", "Select a file to attach");
        }

        if (file.Length > AttachmentPolicy.MaxBytes)
        {
            return Problems.Invalid("Attachment", $"The selected file must be smaller than {AttachmentPolicy.MaxBytes / (1024 * 1024)}MB");
        }

        var content = await Uploads.ReadAsync(file, cancellationToken);
        var handled = await handler.HandleAsync(new ShareId(id), new UploadedFile(file.FileName, content), cancellationToken);
        return handled.ToCreatedResult(attached => $"/api/v1/shares/{id}/attachments/{attached.Id}");
    }
}
