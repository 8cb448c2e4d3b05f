using Cairn.Domain;

namespace Cairn.Web.Features.FrontDoor.SignOffDecision;

public sealed class SignOffDecisionEndpoints : IEndpoints
{
    private const string Summary = "A front door manager, not the decision maker, signs the decision off (L20). This may raise the child's "
        + "legal status and, for s47 outcomes, creates the strategy discussion to hold.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/contacts/{id:guid}/sign-off", async (Guid id, SignOffDecisionCommand command, SignOffDecisionHandler handler,
                CancellationToken ct) => (await handler.SignOffAsync(new ContactId(id), command, ct)).ToApiResult())
            .WithName("SignOffContact")
            .WithSummary(Summary)
            .WithTags("Front door");
}
