using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Shares.DownloadAttachment;

public sealed record AttachmentDownload(string FileName, byte[] Content);

/// <summary>An attachment of a share the caller may see, audited; always served as a download, never rendered.</summary>
public sealed class DownloadAttachmentHandler(CairnDbContext db, ShareAccessService shares, AuditLog audit)
{
    /// <returns>Null when the attachment does not exist or the viewer may not see its share.</returns>
    public async Task<AttachmentDownload?> HandleAsync(ShareId id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (!await shares.MayViewAsync(id, cancellationToken))
        {
            return null;
        }

        var attachment = await db.ShareAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ShareId == id)
            .Join(db.ShareAttachmentContents, a => a.Id, c => c.Id, (a, c) => new AttachmentDownload(a.FileName, c.Bytes))
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        audit.Record("share.attachment.download", null, "share", id.Value, detail: attachmentId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }
}

public sealed class DownloadAttachmentEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/shares/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadShareAttachment")
            .WithSummary("Downloads an attachment. Always served as a download (application/octet-stream), never inline.")
            .WithTags("Shares");

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, Guid attachmentId,
        DownloadAttachmentHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new ShareId(id), attachmentId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : TypedResults.NotFound();
}
