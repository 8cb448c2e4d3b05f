using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Alerts.RaiseAlert;

public sealed class RaiseAlertEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/alerts", HandleAsync)
            .WithName("RaiseAlert")
            .WithSummary("Raises a structured alert owned by the caller. Every field is required; a description too short to act on is refused (L07).")
            .WithTags("Alerts");

    private static async Task<Results<Created<RaisedAlert>, ValidationProblem, NotFound>> HandleAsync(
        Guid id, RaiseAlertCommand command, RaiseAlertHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new PersonId(id), command, cancellationToken);
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        return result.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/v1/alerts/{result.Value!.Id.Value}", result.Value);
    }
}
