using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.RecordAction;

/// <summary>A recipient records what was done or decided about a share they received; the sender is told.</summary>
public sealed class RecordActionHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.action",
            (share, viewer, now) => share.RecordAction(viewer.Id, viewer.Agency, viewer.Team, command.Text, command.Version ?? 0, now),
            (share, by) => $"Actioned by {by}: {share.Outcome}",
            notifySender: "Your share has been actioned", cancellationToken);
}

public sealed class RecordActionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/action", HandleAsync)
            .WithName("RecordShareAction")
            .WithSummary("A recipient records what was done or decided (text). Only after receipt.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, RecordActionHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
