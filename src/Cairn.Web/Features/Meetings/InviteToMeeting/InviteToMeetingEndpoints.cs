using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.InviteToMeeting;

public sealed class InviteToMeetingEndpoints : IEndpoints
{
    private const string Summary = "Invites one person to a meeting not yet held: professionalId (an active professional of an agency in the "
                                   + "area, invited by a followed-through share) or personId (the child or a member of their family, invited "
                                   + "in person), with role (by default from the agency's kind or the relationship). Nobody is invited twice. "
                                   + "Not the caller's to change: 403; stale version: 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/invitations", InviteAsync)
            .WithName("InviteToMeeting")
            .WithSummary(Summary)
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> InviteAsync(
        Guid id, InviteToMeetingCommand command, InviteToMeetingHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
