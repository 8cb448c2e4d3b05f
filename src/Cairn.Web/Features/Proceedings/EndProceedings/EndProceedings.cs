using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Proceedings.EndProceedings;

public sealed record EndProceedingsCommand
{
    /// <summary>When they ended: from their start to today.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>Ends proceedings (L30): children's social care only; kept as history. Once ended, their advocate prompts go.</summary>
public sealed class EndProceedingsHandler(ProceedingsAccessHandler proceedings)
{
    public Task<Handled<ProceedingsView>> HandleAsync(ProceedingsId id, EndProceedingsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return proceedings.ChangeAsync(id, "proceedings.end", (p, now) => Task.FromResult(command.Version is { } version
            ? p.End(command.EndedOn, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read")), cancellationToken);
    }
}

public sealed class EndProceedingsEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/proceedings/{id:guid}/end", HandleAsync)
            .WithName("EndProceedings")
            .WithSummary("Ends proceedings on a date (from their start to today); kept as history. Children's social care only (403 "
                         + "otherwise). Send the version you read; a stale version is 409.")
            .WithTags("Proceedings");

    private static async Task<Results<Ok<ProceedingsView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        EndProceedingsCommand command, EndProceedingsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new ProceedingsId(id), command, cancellationToken)).ToApiResult();
}
