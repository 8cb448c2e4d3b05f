using Cairn.Domain;

namespace Cairn.Web.Features.FrontDoor.DecideContact;

public sealed class DecideContactEndpoints : IEndpoints
{
    private const string Summary = "The front door's decision: threshold level, outcome, reasons and the indicators seen "
        + "(codes from the current threshold document). It then waits for a manager's sign-off.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts/{id:guid}/decision", async (Guid id, DecideContactCommand command, DecideContactHandler handler,
                CancellationToken ct) => (await handler.DecideAsync(new ContactId(id), command, ct)).ToApiResult())
            .WithName("DecideContact")
            .WithSummary(Summary)
            .WithTags("Front door");
}
