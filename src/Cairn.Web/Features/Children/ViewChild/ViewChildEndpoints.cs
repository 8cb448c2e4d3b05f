using Cairn.Domain;
using Cairn.Domain.Chronology;
using Cairn.Web.Features.Chronology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Children.ViewChild;

public sealed class ViewChildEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/people/{id:guid}", GetAsync)
            .WithName("GetPerson")
            .WithSummary("A person's whole record: alerts, key facts, team around the child, legal status, diagnoses, relationships, "
                         + "addresses and the first page of the chronology.")
            .WithTags("People");
        api.MapGet("/people/{id:guid}/chronology", GetChronologyAsync)
            .WithName("GetChronology")
            .WithSummary("A page of the integrated multi-agency chronology, newest first, with optional filters.")
            .WithTags("Chronology");
    }

    private static async Task<Results<Ok<ChildPage>, NotFound>> GetAsync(Guid id, ViewChildHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(new PersonId(id), new ChronologyFilter(), cancellationToken);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ChronologyPage>, NotFound>> GetChronologyAsync(Guid id, ViewChildHandler handler,
        Guid? agency, ChronologyCategory? category, Significance? significance, DateOnly? from, DateOnly? to, bool? household, int? page,
        CancellationToken cancellationToken)
    {
        var filter = new ChronologyFilter(agency is { } a ? new AgencyId(a) : null, category, significance, from, to, household ?? false, page ?? 1);
        var chronology = await handler.HandleChronologyAsync(new PersonId(id), filter, cancellationToken);
        return chronology is null ? TypedResults.NotFound() : TypedResults.Ok(chronology);
    }
}
