using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.CancelMeeting;

public sealed class CancelMeetingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/cancel", CancelAsync)
            .WithName("CancelMeeting")
            .WithSummary("Cancels a meeting not yet held, with the reason (at least 20 characters; for a family group decision-making meeting, "
                         + "why it was not offered). Not the caller's to change: 403; stale version: 409.")
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> CancelAsync(
        Guid id, CancelMeetingCommand command, CancelMeetingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
