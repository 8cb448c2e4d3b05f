using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Concerns.Prompts;

public sealed class ConcernPromptsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/concerns", async (ConcernPromptsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("GetConcernPrompts")
            .WithSummary("Concern prompts for the caller or the caller's team, open first, with counts of open, overdue and answered prompts.")
            .WithTags("Concerns");
        api.MapGet("/concerns/{id:guid}", GetAsync)
            .WithName("GetConcernPrompt")
            .WithSummary("One prompt: the child, the rule, the summary, the evidence (chronology entries and contacts) and its history. For the professional or team it is for, safeguarding leads and the front door, who must be able to open the child's record; anyone else gets 404.")
            .WithTags("Concerns");
        api.MapPost("/concerns/{id:guid}/answer", AnswerAsync)
            .WithName("AnswerConcernPrompt")
            .WithSummary("The professional or team the prompt is for, or the manager of that professional's team (recorded as answering in their place), answers it with a response and a reason of at least 20 characters. StepUpToFrontDoor also makes a contact to the front door. Others who may see it get 403; send the version you read, a stale version is 409.")
            .WithTags("Concerns");
        api.MapPost("/concerns/{id:guid}/reassign", ReassignAsync)
            .WithName("ReassignConcernPrompt")
            .WithSummary("Passes an open prompt to a professional in the team around the child (toProfessional) or to the front door team (toFrontDoorTeam), with a reason of at least 20 characters. For the professional or team it is for, front door managers and safeguarding leads; others who may see it get 403. The new assignee is notified. A stale version is 409.")
            .WithTags("Concerns");
    }

    private static async Task<Results<Ok<PromptDetails>, NotFound>> GetAsync(Guid id, ConcernPromptsHandler handler, CancellationToken ct) =>
        await handler.ViewAsync(new ConcernPromptId(id), ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<Ok<AnsweredPrompt>, ValidationProblem, ProblemHttpResult, NotFound>> AnswerAsync(Guid id, AnswerPromptCommand command,
        ConcernPromptsHandler handler, CancellationToken ct) =>
        ToResult(await handler.AnswerAsync(new ConcernPromptId(id), command, ct), "This prompt is not yours to answer");

    private static async Task<Results<Ok<ReassignedPrompt>, ValidationProblem, ProblemHttpResult, NotFound>> ReassignAsync(Guid id,
        ReassignPromptCommand command, ConcernPromptsHandler handler, CancellationToken ct) =>
        ToResult(await handler.ReassignAsync(new ConcernPromptId(id), command, ct), "This prompt is not yours to pass on");

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult, NotFound> ToResult<T>(Outcome<T>? outcome, string forbiddenTitle)
    {
        if (outcome is { Refusal: { } refusal } && ConcernPromptsHandler.IsNotYours(refusal))
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = forbiddenTitle,
                Type = "https://cairn.example/problems/forbidden",
                Detail = refusal.Errors[0].Message,
            });
        }

        return outcome.ToChangeResult("The prompt has changed");
    }
}
