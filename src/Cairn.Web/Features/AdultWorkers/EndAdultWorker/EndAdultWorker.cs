using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.AdultWorkers.EndAdultWorker;

public sealed record EndAdultWorkerCommand
{
    /// <summary>The last day of the allocation: from its start to today.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Ends an adult's allocated worker (L29): from then on they are no longer invited to meetings about the adult's children. Kept
/// as history, never deleted. Not found when the viewer may not open the adult's record or the worker is not the adult's; 403
/// unless children's social care or the worker's own agency; a stale version is a conflict. Audited on the adult's record.
/// </summary>
public sealed class EndAdultWorkerHandler(CairnDbContext db, AdultWorkerAccessHandler workers, AuditLog audit, TimeProvider clock)
{
    private static Refusal Stale => Refusal.Conflict("this allocated worker");

    /// <summary>The worker as the end page shows it; null (404) as for the change.</summary>
    public async Task<AdultWorkerView?> ViewAsync(PersonId adult, long workerId, CancellationToken cancellationToken)
    {
        if (!await workers.OpenAsync(adult, cancellationToken))
        {
            return null;
        }

        await audit.RecordReadAsync("adult-worker.view", adult, null, cancellationToken);
        var socialCare = await workers.IsSocialCareAsync(cancellationToken);
        return (await workers.WorkersOfAsync(adult, socialCare, cancellationToken)).FirstOrDefault(w => w.Id == workerId);
    }

    public async Task<Handled<AdultWorkerView>> HandleAsync(PersonId adult, long workerId, EndAdultWorkerCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await workers.OpenAsync(adult, cancellationToken)
            || !await db.AdultWorkers.AnyAsync(w => w.Id == workerId && w.AdultId == adult, cancellationToken))
        {
            return Handled.NotFound;
        }

        return await EndAsync(adult, workerId, command, cancellationToken)
            .AuditRefusalAsync(audit, "adult-worker.end", adult, AdultWorkerAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<AdultWorkerView>> EndAsync(PersonId adult, long workerId, EndAdultWorkerCommand command,
        CancellationToken cancellationToken)
    {
        var worker = await db.AdultWorkers.SingleAsync(w => w.Id == workerId, cancellationToken);
        var socialCare = await workers.IsSocialCareAsync(cancellationToken);
        if (!workers.MayManage(worker.AgencyId, socialCare))
        {
            return AdultWorkerAccessHandler.NotTheirs;
        }

        if (command.Version is not { } version)
        {
            return Refusal.Of(Refusal.VersionField, "Send the version you read");
        }

        if (worker.End(command.EndedOn, version, clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }

        audit.Record("adult-worker.end", adult, AdultWorkerAccessHandler.RecordType, detail: worker.Service.ToString());
        if (await db.SaveOrConflictAsync(Stale, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return (await workers.WorkersOfAsync(adult, socialCare, cancellationToken)).Single(w => w.Id == workerId);
    }
}

public sealed class EndAdultWorkerEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/{id:guid}/allocated-workers/{workerId:long}/end", HandleAsync)
            .WithName("EndAdultWorker")
            .WithSummary("Ends an adult's allocated worker on a date (from the start to today); kept as history. Children's social care or "
                         + "the worker's own agency (403 otherwise). Send the version you read; a stale version is 409.")
            .WithTags("Allocated workers");

    private static async Task<Results<Ok<AdultWorkerView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, long workerId,
        EndAdultWorkerCommand command, EndAdultWorkerHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), workerId, command, cancellationToken)).ToApiResult();
}
