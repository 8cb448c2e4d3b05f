using Cairn.Domain;
using Cairn.Domain.Agencies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.AddEmergencyDutyNote;

/// <summary>The Emergency Duty Team records what it did with a share held for it out of hours; the sender is told.</summary>
public sealed class AddEmergencyDutyNoteHandler(ShareStepRunner runner)
{
    public Task<Handled<ShareStepDone>> HandleAsync(ShareId id, ShareStepCommand command, CancellationToken cancellationToken) =>
        runner.RunAsync(id, "share.edt-note",
            (share, viewer, now) => share.AddEmergencyDutyNote(viewer.Id, viewer.Has(Role.EmergencyDuty), command.Text, command.Version ?? 0, now),
            (share, by) => $"Emergency Duty Team note by {by}",
            notifySender: "The Emergency Duty Team has added a note to your share", cancellationToken);
}

public sealed class AddEmergencyDutyNoteEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares/{id:guid}/emergency-duty-note", HandleAsync)
            .WithName("AddEmergencyDutyNote")
            .WithSummary("The Emergency Duty Team records what it did with a share held for it out of hours (text).")
            .WithTags("Shares");

    private static async Task<Results<Ok<ShareStepDone>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(
        Guid id, ShareStepCommand command, AddEmergencyDutyNoteHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ShareId(id), command, cancellationToken)).ToApiResult();
}
