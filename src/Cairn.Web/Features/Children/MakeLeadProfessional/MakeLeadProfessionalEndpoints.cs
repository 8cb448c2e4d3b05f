using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.MakeLeadProfessional;

public sealed class MakeLeadProfessionalEndpoints : IEndpoints
{
    private const string Summary = "Makes this involvement's professional the lead professional, in place of the current one. Send the version "
                                   + "you read; a stale version is 409.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/involvements/{id:guid}/lead", MakeLeadAsync)
            .WithName("MakeLeadProfessional")
            .WithSummary(Summary)
            .WithTags("Team around the child");

    private static async Task<Results<Ok<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> MakeLeadAsync(
        Guid id, MakeLeadCommand command, MakeLeadProfessionalHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new InvolvementId(id), command, cancellationToken)).ToApiResult();
}
