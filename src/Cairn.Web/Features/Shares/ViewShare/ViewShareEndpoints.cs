using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.ViewShare;

public sealed class ViewShareEndpoints : IEndpoints
{
    private const string Conflict = "The share has changed";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/shares/{id:guid}", GetAsync)
            .WithName("GetShare").WithSummary("One share with every step: who did what and when, due times, and what the caller may do next.").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/receive", (Guid id, ShareStepCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.ConfirmReceiptAsync(new ShareId(id), command, ct)))
            .WithName("ConfirmShareReceipt").WithSummary("A recipient confirms receipt by name; the action clock starts. Send the version you read; a stale one is 409.").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/action", (Guid id, ShareStepCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.RecordActionAsync(new ShareId(id), command, ct)))
            .WithName("RecordShareAction").WithSummary("A recipient records what was done or decided (text). Only after receipt.").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/decline", (Guid id, ShareStepCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.DeclineAsync(new ShareId(id), command, ct)))
            .WithName("DeclineShare").WithSummary("A recipient declines the share with a reason (text); the sender is told.").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/redirect", (Guid id, RedirectShareCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.RedirectAsync(new ShareId(id), command, ct)))
            .WithName("RedirectShare").WithSummary("A recipient passes the share to the right agency, team or person with a reason. The clocks carry on.").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/close", (Guid id, ShareStepCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.CloseAsync(new ShareId(id), command, ct)))
            .WithName("CloseShare").WithSummary("The sender closes a share that was never actioned, saying why (text).").WithTags("Shares");
        api.MapPost("/shares/{id:guid}/emergency-duty-note", (Guid id, ShareStepCommand command, ViewShareHandler handler, CancellationToken ct) => Step(handler.AddEmergencyDutyNoteAsync(new ShareId(id), command, ct)))
            .WithName("AddEmergencyDutyNote").WithSummary("The Emergency Duty Team records what it did with a share held for it out of hours (text).").WithTags("Shares");
        api.MapGet("/shares/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync)
            .WithName("DownloadShareAttachment").WithSummary("Downloads an attachment. Always served as a download (application/octet-stream), never inline.").WithTags("Shares");
    }

    private static async Task<Results<Ok<ShareDetails>, NotFound>> GetAsync(Guid id, ViewShareHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new ShareId(id), cancellationToken) is { } share ? TypedResults.Ok(share) : TypedResults.NotFound();

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> Step(Task<Outcome<ShareStepDone>?> step) =>
        (await step).ToChangeResult(Conflict);

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, Guid attachmentId, ViewShareHandler handler,
        CancellationToken cancellationToken) =>
        await handler.AttachmentAsync(new ShareId(id), attachmentId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : TypedResults.NotFound();
}
