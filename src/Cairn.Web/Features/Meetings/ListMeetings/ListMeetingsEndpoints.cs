using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Meetings.ListMeetings;

public sealed class ListMeetingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/meetings", ListAsync)
            .WithName("ListMeetings")
            .WithSummary("The child's meetings: due (overdue first), then held, then cancelled; each with its kind, due date, date arranged, "
                         + "status, minutes and flags (overdue, minutes overdue, required roles nobody is invited in), and the kinds the "
                         + "caller may arrange.")
            .WithTags("Meetings");

    private static async Task<Results<Ok<ChildMeetings>, NotFound>> ListAsync(Guid id, ListMeetingsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}
