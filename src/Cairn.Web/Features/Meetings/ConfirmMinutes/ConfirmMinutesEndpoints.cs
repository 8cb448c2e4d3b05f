using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.ConfirmMinutes;

public sealed class ConfirmMinutesEndpoints : IEndpoints
{
    private const string Summary = "The chair confirms the minutes (403 for anyone else) once the child's and parents' views and the family's "
                                   + "summary are written; they are sent as followed-through shares (kind Minutes) to the recipients the type "
                                   + "requires: invitees or attendees, the child's GP even if not invited, the parents' own workers. Stale: 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/minutes/confirm", ConfirmAsync)
            .WithName("ConfirmMinutes")
            .WithSummary(Summary)
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChangedMeeting>, ValidationProblem, ProblemHttpResult, NotFound>> ConfirmAsync(
        Guid id, ConfirmMinutesCommand command, ConfirmMinutesHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new MeetingId(id), command, cancellationToken)).ToApiResult();
}
