using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.FamilySummary;

public sealed class MeetingFamilySummaryEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/meetings/{id:guid}/family-summary", GetAsync)
            .WithName("GetMeetingFamilySummary")
            .WithSummary("The family's plain-English summary of a held meeting: what was decided, who will do what by when (the plans in force), "
                         + "the next meeting, and the child's and parents' views (L54). 404 until the meeting is held.")
            .WithTags("Meetings");

    private static async Task<Results<Ok<MeetingFamilySummaryView>, NotFound>> GetAsync(Guid id, MeetingFamilySummaryHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new MeetingId(id), cancellationToken) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();
}
