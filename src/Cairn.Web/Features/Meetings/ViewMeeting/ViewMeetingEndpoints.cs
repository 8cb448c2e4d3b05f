using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.ViewMeeting;

public sealed class ViewMeetingEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/meetings/{id:guid}", GetAsync)
            .WithName("GetMeeting")
            .WithSummary("One meeting: its type's statutory definition (purpose, statutory or not, trigger, timescales with their source, "
                         + "required roles, quorum, agenda, chair rule, minutes recipients and timescale), due date, arrangements, "
                         + "invitations with the receipt status of each invitation share, required roles nobody is invited in, flags "
                         + "(overdue, minutes-overdue, no-gp-invited, out-of-area-no-health, outcomes-not-reviewed), decisions and events.")
            .WithTags("Meetings");

    private static async Task<Results<Ok<MeetingDetails>, NotFound>> GetAsync(Guid id, ViewMeetingHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new MeetingId(id), cancellationToken) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();
}
