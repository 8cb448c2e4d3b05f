using Cairn.Domain;
using Cairn.Domain.Placements;
using Cairn.Web.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Dangers.ListChildDangers;

/// <summary>A child's dangers with their locations (L35). Null (404) when the viewer may not open the record; every read is audited.</summary>
public sealed class ListChildDangersHandler(DangerAccessHandler dangers, AuditLog audit)
{
    public async Task<ChildDangersPage?> HandleAsync(PersonId child, IReadOnlyCollection<Vulnerability> vulnerabilities,
        CancellationToken cancellationToken)
    {
        if (!await dangers.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("dangers.list", child, null, cancellationToken);
        return await dangers.DangersOfAsync(child, vulnerabilities, cancellationToken);
    }
}

public sealed class ListChildDangersEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/children/{id:guid}/dangers", HandleAsync)
            .WithName("GetChildDangers")
            .WithSummary("A child's dangers (L35): people posing a risk with where they pose it, places of concern named for the child, and, "
                         + "for each vulnerability given (?vulnerability=SexualExploitation&vulnerability=...), the area-wide places whose "
                         + "kind of risk matters for it; split into those with a location and those that could not be located.")
            .WithTags("Dangers");

    private static async Task<Results<Ok<ChildDangersPage>, NotFound>> HandleAsync(Guid id, Vulnerability[]? vulnerability,
        ListChildDangersHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), vulnerability ?? [],
            cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
