using System.Security.Cryptography;
using Cairn.Domain;
using Cairn.Domain.Shares;
using Cairn.Web.Data;

namespace Cairn.Web.Features.Shares;

/// <summary>A file to attach, as uploaded.</summary>
public sealed record UploadedFile(string? FileName, byte[] Content);

public static class Uploads
{
    /// <summary>Reads an upload into memory, never more than the attachment limit plus one byte.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AttachmentPolicy.MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Adds a checked file to a share: its details, its SHA-256 and its bytes (kept apart, read only on download).</summary>
    public static ShareAttachment Attach(CairnDbContext db, Share share, string name, string type, byte[] content, ProfessionalId by,
        DateTimeOffset now)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var attachment = ShareAttachment.Create(share.Id, name, type, content.Length, hash, by, now);
        db.ShareAttachments.Add(attachment);
        db.ShareAttachmentContents.Add(new ShareAttachmentContent { Id = attachment.Id, Bytes = content });
        return attachment;
    }
}
