using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.AdultWorkers.ListAdultWorkers;

/// <summary>An adult's allocated workers, current and ended, and whether the viewer may link one.</summary>
public sealed record AdultWorkersPage(PersonId PersonId, string Name, bool IsAdult, IReadOnlyList<AdultWorkerView> Workers, bool MayLink);

/// <summary>
/// Lists an adult's own allocated workers (L29): adult social care, mental health, learning disability, substance misuse,
/// probation. Null (404) when the person does not exist or the viewer may not open their record. Every read is audited.
/// </summary>
public sealed class ListAdultWorkersHandler(CairnDbContext db, AdultWorkerAccessHandler workers, AuditLog audit)
{
    public async Task<AdultWorkersPage?> HandleAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!await workers.OpenAsync(id, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("adult-worker.list", id, null, cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.GivenName, p.FamilyName, p.Kind })
            .SingleAsync(cancellationToken);
        var socialCare = await workers.IsSocialCareAsync(cancellationToken);
        var isAdult = person.Kind == PersonKind.Adult;
        return new AdultWorkersPage(id, $"{person.GivenName} {person.FamilyName}", isAdult,
            await workers.WorkersOfAsync(id, socialCare, cancellationToken), isAdult && workers.MayLinkAny);
    }
}

public sealed class ListAdultWorkersEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}/allocated-workers", HandleAsync)
            .WithName("GetAdultWorkers")
            .WithSummary("An adult's own allocated workers (L29: adult social care, mental health, learning disability, substance misuse, "
                         + "probation), current and ended, each with the version to send when ending it. 404 when you may not open the record.")
            .WithTags("Allocated workers");

    private static async Task<Results<Ok<AdultWorkersPage>, NotFound>> HandleAsync(Guid id, ListAdultWorkersHandler handler,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(new PersonId(id), cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
}
