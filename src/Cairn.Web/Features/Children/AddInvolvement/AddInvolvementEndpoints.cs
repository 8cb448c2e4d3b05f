using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.AddInvolvement;

public sealed class AddInvolvementEndpoints : IEndpoints
{
    private const string Summary = "Adds a professional to the team around the child. The first professional, or one added with makeLead, "
                                   + "becomes the lead professional (L19). Practitioners may add professionals of their own agency; the lead "
                                   + "professional, allocated social worker, front door, safeguarding lead and managers may add anyone.";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/team", AddAsync)
            .WithName("AddInvolvement")
            .WithSummary(Summary)
            .WithTags("Team around the child");

    private static async Task<Results<Created<ChangedInvolvement>, ValidationProblem, ProblemHttpResult, NotFound>> AddAsync(
        Guid id, AddInvolvementCommand command, AddInvolvementHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/people/{id}/team");
}
