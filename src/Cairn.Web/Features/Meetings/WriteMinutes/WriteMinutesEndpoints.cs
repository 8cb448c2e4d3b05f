using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.WriteMinutes;

public sealed class WriteMinutesEndpoints : IEndpoints
{
    private const string Summary = "Saves the minutes of a held meeting as a draft: incidentsSinceLast apart from outcomes (each outcome of "
                                   + "the child's current plan by sectionKey: reviewed and progress; an outcome left out is recorded as not "
                                   + "reviewed), childsView, parentsView, discussion and familySummary (plain English). Refused once sent. "
                                   + "403 / 409 as elsewhere.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/meetings/{id:guid}/minutes", ReadAsync)
            .WithName("GetMeetingMinutes")
            .WithSummary("A held meeting's minutes with every outcome of the child's current plan, reviewed or not, and where they stand.")
            .WithTags("Meetings");
        api.MapPut("/meetings/{id:guid}/minutes", WriteAsync)
            .WithName("WriteMeetingMinutes")
            .WithSummary(Summary)
            .WithTags("Meetings");
    }

    private static async Task<Results<Ok<MeetingMinutes>, NotFound>> ReadAsync(Guid id, WriteMinutesHandler handler,
        CancellationToken cancellationToken) =>
        await handler.ReadAsync(new MeetingId(id), cancellationToken) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> WriteAsync(
        Guid id, WriteMinutesCommand command, WriteMinutesHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
