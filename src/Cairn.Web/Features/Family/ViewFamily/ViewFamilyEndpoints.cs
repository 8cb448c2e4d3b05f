using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Family.ViewFamily;

public sealed class ViewFamilyEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/family", HandleAsync)
            .WithName("GetFamily")
            .WithSummary("A person's relationships (people posing a risk flagged), households and address history, current and past, each with "
                + "the version to send when changing it.")
            .WithTags("Family");

    private static async Task<Results<Ok<FamilyPage>, NotFound>> HandleAsync(Guid id, ViewFamilyHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(new PersonId(id), cancellationToken);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }
}
