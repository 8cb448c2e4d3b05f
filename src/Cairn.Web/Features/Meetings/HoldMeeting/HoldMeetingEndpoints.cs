using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.HoldMeeting;

public sealed class HoldMeetingEndpoints : IEndpoints
{
    private const string Summary = "Records a meeting as held: heldOn, chairId, attendance for every invitee (Attended, SentApologies, "
                                   + "DidNotAttend; reportReceived), planDecision (a conference: StartChildProtectionPlan with category and "
                                   + "leadPractitionerId, or None; a review: Continue or End), planChanges, nextMeetingOn, and the reasons "
                                   + "it went ahead without a required role (missingRolesReason) or inquorate (inquorateReason): refused "
                                   + "without them. followOn says what was scheduled or cancelled as a result. 403 / 409 as elsewhere.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/held", HoldAsync)
            .WithName("HoldMeeting")
            .WithSummary(Summary)
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> HoldAsync(
        Guid id, HoldMeetingCommand command, HoldMeetingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
