using Cairn.Domain;

namespace Cairn.Web.Features.FrontDoor.ReturnDecision;

public sealed class ReturnDecisionEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts/{id:guid}/return", async (Guid id, ReturnDecisionCommand command, ReturnDecisionHandler handler,
                CancellationToken ct) => (await handler.ReturnAsync(new ContactId(id), command, ct)).ToApiResult())
            .WithName("ReturnContactDecision")
            .WithSummary("A front door manager sends the decision back with a reason; it stays in the history.")
            .WithTags("Front door");
}
