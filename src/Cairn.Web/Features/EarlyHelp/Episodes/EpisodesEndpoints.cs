using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.Episodes;

public sealed class EpisodesEndpoints : IEndpoints
{
    private const string Conflict = "The early help episode has changed";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people/{id:guid}/early-help", ListAsync)
            .WithName("ListEarlyHelpEpisodes")
            .WithSummary("The child's early help episodes, newest first, and whether you may start one.")
            .WithTags("Early help");
        api.MapPost("/people/{id:guid}/early-help", StartAsync)
            .WithName("StartEarlyHelpEpisode")
            .WithSummary("Starts an early help episode with recorded consent (who, when, written or verbal), a named lead professional from the team around the child (L19) and a plan summary. Records the legal status Early help when the child has none. Started by the child's lead professional, an early help worker in the team, or children's social care / the front door.")
            .WithTags("Early help");
        api.MapGet("/early-help/{id:guid}", GetAsync)
            .WithName("GetEarlyHelpEpisode")
            .WithSummary("One early help episode: lead professional and how to reach them, consent, plan, status and history.")
            .WithTags("Early help");
        api.MapPost("/early-help/{id:guid}/lead", ChangeLeadAsync)
            .WithName("ChangeEarlyHelpLeadProfessional")
            .WithSummary("Names a new lead professional from the team around the child, with the reason; the previous one stays in the history. Send the version you read; a stale version is 409.")
            .WithTags("Early help");
        api.MapPost("/early-help/{id:guid}/close", CloseAsync)
            .WithName("CloseEarlyHelpEpisode")
            .WithSummary("Closes the episode with a reason. Family disengaged or consent withdrawn while concerns remain (an active alert, or chronology entries with causes for concern in the last 90 days) does not close it: a front door contact is made and the episode awaits the front door check (L18). Asking again completes the closure once that contact is decided and signed off, and is refused until then.")
            .WithTags("Early help");
        api.MapPost("/early-help/{id:guid}/complete-closure", CompleteClosureAsync)
            .WithName("CompleteEarlyHelpClosure")
            .WithSummary("Completes a closure that awaited the front door check, once the front door contact is decided and signed off (L18). Send the version you read; a stale version is 409.")
            .WithTags("Early help");
    }

    private static async Task<Results<Ok<ChildEpisodes>, NotFound>> ListAsync(Guid id, EarlyHelpHandler handler, CancellationToken cancellationToken) =>
        await handler.ListAsync(new PersonId(id), cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> StartAsync(
        Guid id, StartEpisodeCommand command, EarlyHelpHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.StartAsync(new PersonId(id), command, cancellationToken);
        if (outcome is not { } result)
        {
            return TypedResults.NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            return refusal.IsConflict ? refusal.ToConflict(Conflict) : refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/early-help/{result.Value!.Id.Value}", result.Value);
    }

    private static async Task<Results<Ok<EpisodeDetails>, NotFound>> GetAsync(Guid id, EarlyHelpHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new EarlyHelpEpisodeId(id), cancellationToken) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeLeadAsync(
        Guid id, ChangeLeadProfessionalCommand command, EarlyHelpHandler handler, CancellationToken cancellationToken) =>
        (await handler.ChangeLeadAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToChangeResult(Conflict);

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> CloseAsync(
        Guid id, CloseEpisodeCommand command, EarlyHelpHandler handler, CancellationToken cancellationToken) =>
        (await handler.CloseAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToChangeResult(Conflict);

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> CompleteClosureAsync(
        Guid id, CompleteClosureCommand command, EarlyHelpHandler handler, CancellationToken cancellationToken) =>
        (await handler.CompleteClosureAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToChangeResult(Conflict);
}
