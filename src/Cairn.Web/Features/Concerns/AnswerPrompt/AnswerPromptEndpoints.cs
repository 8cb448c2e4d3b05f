using Cairn.Domain;

namespace Cairn.Web.Features.Concerns.AnswerPrompt;

public sealed class AnswerPromptEndpoints : IEndpoints
{
    private const string Summary = "The professional or team the prompt is for, or the manager of that professional's team (recorded as "
        + "answering in their place), answers it with a response and a reason of at least 20 characters. StepUpToFrontDoor also makes a "
        + "contact to the front door. Others who may see it get 403; send the version you read, a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/concerns/{id:guid}/answer", async (Guid id, AnswerPromptCommand command, AnswerPromptHandler handler,
                CancellationToken ct) => (await handler.AnswerAsync(new ConcernPromptId(id), command, ct)).ToApiResult())
            .WithName("AnswerConcernPrompt")
            .WithSummary(Summary)
            .WithTags("Concerns");
}
