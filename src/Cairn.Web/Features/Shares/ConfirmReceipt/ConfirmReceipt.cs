using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.ConfirmReceipt;

/// <summary>A recipient confirms receipt by name (L01); the action clock starts and the sender is told.</summary>
public sealed class ConfirmReceiptHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.receive",
            (share, viewer, now) => share.ConfirmReceipt(viewer.Id, viewer.Agency, viewer.Team, command.Version ?? 0, now),
            (share, by) => $"Received by {by}",
            notifySender: "Your share has been received", cancellationToken);
}

public sealed class ConfirmReceiptEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/receive", HandleAsync)
            .WithName("ConfirmShareReceipt")
            .WithSummary("A recipient confirms receipt by name; the action clock starts. Send the version you read; a stale one is 409.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, ConfirmReceiptHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
