using Cairn.Domain;
using Cairn.Domain.Shares;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.SendShare;

public sealed class SendShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/shares", SendAsync)
            .WithName("SendShare")
            .WithSummary("Sends a share about one or more children to an agency, a team of it, or a named professional. Receipt and action due times are computed in working time; an immediate or same-day share sent out of hours goes to the Emergency Duty Team first (L01, L02).")
            .WithTags("Shares");
        api.MapPost("/shares/{id:guid}/attachments", AttachAsync)
            .WithName("AttachToShare")
            .WithSummary($"Attaches a file (multipart field 'file') to a share you sent that is still open: PDF, .docx, JPEG, PNG or plain text, recognised by content, under 10MB, at most {AttachmentPolicy.MaxPerShare} per share.")
            .WithTags("Shares")
            // Bearer-token clients only (no cookies reach /api), so there is no cross-site form to forge.
            .DisableAntiforgery();
    }

    private static async Task<Results<Created<SentShare>, ValidationProblem>> SendAsync(SendShareCommand command, SendShareHandler handler,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.SendAsync(command, [], cancellationToken);
        return outcome.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/v1/shares/{outcome.Value!.Id.Value}", outcome.Value);
    }

    private static async Task<Results<Created<AttachedFile>, ValidationProblem, NotFound>> AttachAsync(Guid id, IFormFile? file, SendShareHandler handler,
        CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Problems.Invalid("Attachment", "Select a file to attach");
        }

        if (file.Length > AttachmentPolicy.MaxBytes)
        {
            return Problems.Invalid("Attachment", $"The selected file must be smaller than {AttachmentPolicy.MaxBytes / (1024 * 1024)}MB");
        }

        var content = await UploadedFiles.ReadAsync(file, cancellationToken);
        var outcome = await handler.AttachAsync(new ShareId(id), new UploadedFile(file.FileName, content), cancellationToken);
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        return result.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/v1/shares/{id}/attachments/{result.Value!.Id}", result.Value);
    }
}

public static class UploadedFiles
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
}
