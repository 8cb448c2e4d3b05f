using Cairn.Domain;
using Cairn.Domain.Agencies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.AcknowledgeEmergencyDuty;

/// <summary>
/// The Emergency Duty Team acknowledges an urgent share it holds (L02): its acknowledgement clock stops, so neither its
/// manager nor the on-call senior manager is told; the sender is told someone has it in hand.
/// </summary>
public sealed class AcknowledgeEmergencyDutyHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.edt-acknowledge",
            (share, viewer, now) => share.AcknowledgeEmergencyDuty(viewer.Id, viewer.Has(Role.EmergencyDuty), command.Version ?? 0, now),
            (share, by) => $"Acknowledged by the Emergency Duty Team ({by})",
            notifySender: "The Emergency Duty Team has your urgent share in hand", cancellationToken);
}

public sealed class AcknowledgeEmergencyDutyEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/emergency-duty/acknowledge", HandleAsync)
            .WithName("AcknowledgeShareForEmergencyDuty")
            .WithSummary("The Emergency Duty Team acknowledges an urgent share it holds, stopping its acknowledgement clock. Send the "
                + "version you read; a stale one is 409; anyone not on the Emergency Duty Team is 403.")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, AcknowledgeEmergencyDutyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
