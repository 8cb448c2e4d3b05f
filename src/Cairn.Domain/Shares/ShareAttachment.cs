using System.Text;

namespace Cairn.Domain.Shares;

/// <summary>A document attached to a share. The bytes are stored apart; this is what is known about them.</summary>
public sealed class ShareAttachment
{
    private ShareAttachment()
    {
        FileName = "";
        ContentType = "";
        Sha256 = "";
    }

    public Guid Id { get; private set; }
    public ShareId ShareId { get; private set; }
    public string FileName { get; private set; }
    /// <summary>The type found from the file's content, never the type the uploader claimed.</summary>
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public ProfessionalId UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public static ShareAttachment Create(
        ShareId share, string fileName, string contentType, long size, string sha256, ProfessionalId by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            ShareId = share,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            UploadedBy = by,
            UploadedAt = now,
        };
}

/// <summary>
/// What may be attached: documents and images a practitioner needs, recognised by their content (magic bytes),
/// within a size limit. Anything else (executables, scripts, HTML, archives) is refused, and nothing attached is
/// ever served inline or executed.
/// </summary>
public static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerShare = 5;

    public static readonly IReadOnlyList<string> Allowed = ["PDF", "Word document (.docx)", "JPEG image", "PNG image", "plain text"];

    /// <summary>The type of the content, or a refusal naming what is wrong.</summary>
    public static Outcome<(string FileName, string ContentType)> Check(string? fileName, ReadOnlySpan<byte> content)
    {
        var name = SafeName(fileName);
        if (content.Length == 0)
        {
            return Refusal.Of("Attachment", "The selected file is empty");
        }

        if (content.Length > MaxBytes)
        {
            return Refusal.Of("Attachment", $"The selected file must be smaller than {MaxBytes / (1024 * 1024)}MB");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var type = Detect(content, extension);
        if (type is null)
        {
            var allButLast = string.Join(", ", Allowed.Take(Allowed.Count - 1));
            return Refusal.Of("Attachment", $"The selected file must be a {allButLast} or {Allowed[^1]} file");
        }

        return Outcome<(string, string)>.Success((name, type));
    }

    private static string? Detect(ReadOnlySpan<byte> content, string extension)
    {
        if (content.StartsWith("%PDF-"u8) && extension == ".pdf")
        {
            return "application/pdf";
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) && extension is ".jpg" or ".jpeg")
        {
            return "image/jpeg";
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) && extension == ".png")
        {
            return "image/png";
        }

        // A .docx is a zip package; an arbitrary zip with the extension changed is still only downloaded, never opened by Cairn.
        if (content.StartsWith("PK\u0003\u0004"u8) && extension == ".docx")
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        if (extension == ".txt" && !content.Contains((byte)0) && IsUtf8(content))
        {
            return "text/plain";
        }

        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The file name without any path, control or quote characters, at most 100 characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var clean = new string(name
            .Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|'))
            .ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "attachment";
        }

        return clean.Length <= 100 ? clean : clean[..(100 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean);
    }
}
