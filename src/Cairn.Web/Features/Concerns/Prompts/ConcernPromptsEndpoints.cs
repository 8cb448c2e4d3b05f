using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Concerns.Prompts;

public sealed class ConcernPromptsEndpoints : IEndpoints
{
    private const string PromptSummary = "One prompt: the child, the rule, the summary, the evidence (chronology entries and contacts) and its "
        + "history. For the professional or team it is for, safeguarding leads and the front door, who must be able to open the child's "
        + "record; anyone else gets 404.";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/concerns", async (ConcernPromptsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("GetConcernPrompts")
            .WithSummary("Concern prompts for the caller or the caller's team, open first, with counts of open, overdue and answered prompts.")
            .WithTags("Concerns");
        api.MapGet("/concerns/{id:guid}", GetAsync)
            .WithName("GetConcernPrompt")
            .WithSummary(PromptSummary)
            .WithTags("Concerns");
    }

    private static async Task<Results<Ok<PromptDetails>, NotFound>> GetAsync(Guid id, ConcernPromptsHandler handler, CancellationToken ct) =>
        await handler.ViewAsync(new ConcernPromptId(id), ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
}
