using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.CloseShare;

/// <summary>The sender closes a share that was never actioned, saying why.</summary>
public sealed class CloseShareHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.close",
            (share, viewer, now) => share.CloseUnconfirmed(viewer.Id, command.Text, command.Version ?? 0, now),
            (share, by) => $"Closed unconfirmed by {by}: {share.Outcome}",
            notifySender: null, cancellationToken);
}

public sealed class CloseShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/close", HandleAsync)
            .WithName("CloseShare")
            .WithSummary("The sender closes a share that was never actioned, saying why (text).")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, CloseShareHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
