using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Shares.SendShare;

public sealed class SendShareEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/shares", SendAsync)
            .WithName("SendShare")
            .WithSummary("Sends a share about one or more children to an agency, a team of it, or a named professional. Receipt and "
                + "action due times are computed in working time; an immediate or same-day share sent out of hours goes to the "
                + "Emergency Duty Team first (L01, L02).")
            .WithTags("Shares");

    private static async Task<Results<Created<SentShare>, ValidationProblem, ProblemHttpResult, NotFound>> SendAsync(
        SendShareCommand command, SendShareHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(command, [], cancellationToken)).ToCreatedResult(sent => $"/api/v1/shares/{sent.Id.Value}");
}
