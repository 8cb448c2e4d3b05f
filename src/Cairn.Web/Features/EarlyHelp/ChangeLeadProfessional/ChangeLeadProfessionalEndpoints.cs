using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.EarlyHelp.ChangeLeadProfessional;

public sealed class ChangeLeadProfessionalEndpoints : IEndpoints
{
    private const string Summary = "Names a new lead professional from the team around the child, with the reason; the previous one stays "
                                   + "in the history. Send the version you read; a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/early-help/{id:guid}/lead", ChangeLeadAsync)
            .WithName("ChangeEarlyHelpLeadProfessional")
            .WithSummary(Summary)
            .WithTags("Early help");

    private static async Task<Results<Ok<ChangedEpisode>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeLeadAsync(
        Guid id, ChangeLeadProfessionalCommand command, ChangeLeadProfessionalHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new EarlyHelpEpisodeId(id), command, cancellationToken)).ToApiResult();
}
