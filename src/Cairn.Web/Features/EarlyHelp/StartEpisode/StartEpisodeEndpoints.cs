using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.StartEpisode;

public sealed class StartEpisodeEndpoints : IEndpoints
{
    private const string Summary = "Starts an early help episode with recorded consent (who, when, written or verbal), a named lead professional "
                                   + "from the team around the child (L19) and a plan summary. Records the legal status Early help when the child "
                                   + "has none. Started by the child's lead professional, an early help worker in the team, or children's social "
                                   + "care / the front door.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/early-help", StartAsync)
            .WithName("StartEarlyHelpEpisode")
            .WithSummary(Summary)
            .WithTags("Early help");

    private static async Task<Results<Created<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> StartAsync(
        Guid id, StartEpisodeCommand command, StartEpisodeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(e => $"/api/v1/early-help/{e.Id.Value}");
}
