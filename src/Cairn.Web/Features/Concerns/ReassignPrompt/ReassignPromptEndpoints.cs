using Cairn.Domain;

namespace Cairn.Web.Features.Concerns.ReassignPrompt;

public sealed class ReassignPromptEndpoints : IEndpoints
{
    private const string Summary = "Passes an open prompt to a professional in the team around the child (toProfessional) or to the front "
        + "door team (toFrontDoorTeam), with a reason of at least 20 characters. For the professional or team it is for, front door "
        + "managers and safeguarding leads; others who may see it get 403. The new assignee is notified. A stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/concerns/{id:guid}/reassign", async (Guid id, ReassignPromptCommand command, ReassignPromptHandler handler,
                CancellationToken ct) => (await handler.ReassignAsync(new ConcernPromptId(id), command, ct)).ToApiResult())
            .WithName("ReassignConcernPrompt")
            .WithSummary(Summary)
            .WithTags("Concerns");
}
