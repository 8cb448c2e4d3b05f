using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.ArrangeMeeting;

public sealed class ArrangeMeetingEndpoints : IEndpoints
{
    private const string Summary = "Arranges or moves a meeting: scheduledAt (today or later, within a year), venue, chairId (who must meet "
                                   + "the type's chair rule: an independent chair for a conference, the reviewing officer for a looked-after "
                                   + "review) and, for a date after the due date, moveReason; only a team manager may agree that (400 "
                                   + "otherwise). Invited professionals are notified. Not the caller's to change: 403; stale version: 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/arrange", ArrangeAsync)
            .WithName("ArrangeMeeting")
            .WithSummary(Summary)
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> ArrangeAsync(
        Guid id, ArrangeMeetingCommand command, ArrangeMeetingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
