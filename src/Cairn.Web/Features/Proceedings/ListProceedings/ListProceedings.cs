using Cairn.Domain;
using Cairn.Web.Auditing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Proceedings.ListProceedings;

/// <summary>A child's proceedings, newest first, and whether the viewer may start, record and end them.</summary>
public sealed record ChildProceedingsPage(PersonId ChildId, IReadOnlyList<ProceedingsView> Proceedings, bool MayChange);

/// <summary>
/// Lists a child's pre-proceedings and care proceedings with each parent's advocate (L30). Null (404) when the viewer may not
/// open the record.
/// </summary>
public sealed class ListProceedingsHandler(ProceedingsAccessHandler proceedings, AuditLog audit)
{
    public async Task<ChildProceedingsPage?> HandleAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await proceedings.OpenAsync(child, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("proceedings.list", child, null, cancellationToken);
        return new ChildProceedingsPage(child, await proceedings.ProceedingsOfAsync(child, cancellationToken),
            await proceedings.MayChangeAsync(cancellationToken));
    }
}

public sealed class ListProceedingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/proceedings", HandleAsync)
            .WithName("GetProceedings")
            .WithSummary("A child's pre-proceedings and care proceedings, newest first, each with every parent's advocate or why they have "
                         + "none (recorded false: still to record, L30), the family group decision-making meeting it scheduled, and its version.")
            .WithTags("Proceedings");

    private static async Task<Results<Ok<ChildProceedingsPage>, NotFound>> HandleAsync(Guid id, ListProceedingsHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
