using Cairn.Domain;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.ConfirmReceipt;

/// <summary>A recipient confirms receipt by name (L01); the action clock starts and the sender is told.</summary>
public sealed class ConfirmReceiptHandler(ShareStepRunner runner, WorkingCalendarSource calendars)
{
    public async Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken)
    {
        // An urgent share still open at the close of the day passes to the Emergency Duty Team (L02): its day is the calendar's.
        var calendar = await calendars.GetAsync(cancellationToken);
        return await runner.RunAsync(id, "share.receive",
            (share, viewer, now) => share.ConfirmReceipt(viewer.Id, viewer.Agency, viewer.Team, command.Version ?? 0, now, calendar),
            (share, by) => $"Received by {by}",
            notifySender: "Your share has been received", cancellationToken);
    }
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
