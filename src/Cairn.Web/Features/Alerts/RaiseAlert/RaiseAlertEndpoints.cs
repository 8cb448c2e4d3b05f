using Cairn.Domain;

namespace Cairn.Web.Features.Alerts.RaiseAlert;

public sealed class RaiseAlertEndpoints : IEndpoints
{
    private const string Summary =
        "Raises a structured alert owned by the caller. Every field is required; a description too short to act on is refused (L07).";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/alerts",
                async (Guid id, RaiseAlertCommand command, RaiseAlertHandler handler, CancellationToken cancellationToken) =>
                    (await handler.HandleAsync(new PersonId(id), command, cancellationToken))
                    .ToCreatedResult(raised => $"/api/v1/alerts/{raised.Id.Value}"))
            .WithName("RaiseAlert")
            .WithSummary(Summary)
            .WithTags("Alerts");
}
