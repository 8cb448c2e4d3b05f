using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.DeclineShare;

/// <summary>A recipient declines a share with a reason; the sender is told.</summary>
public sealed class DeclineShareHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.decline",
            (share, viewer, now) => share.Decline(viewer.Id, viewer.Agency, viewer.Team, command.Text, command.Version ?? 0, now),
            (share, by) => $"Declined by {by}: {share.Outcome}",
            notifySender: "Your share has been declined", cancellationToken);
}

public sealed class DeclineShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/decline", HandleAsync)
            .WithName("DeclineShare")
            .WithSummary("A recipient declines the share with a reason (text); the sender is told.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, DeclineShareHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
