using Cairn.Domain;

namespace Cairn.Web.Features.Alerts.CloseAlert;

public sealed class CloseAlertEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/alerts/{id:guid}/close",
                async (Guid id, CloseAlertCommand command, CloseAlertHandler handler, CancellationToken cancellationToken) =>
                    (await handler.HandleAsync(new AlertId(id), command, cancellationToken)).ToApiResult())
            .WithName("CloseAlert")
            .WithSummary("Closes the alert with the reason it no longer applies. Send the version you read; a stale version is 409.")
            .WithTags("Alerts");
}
