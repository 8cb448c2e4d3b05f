using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Missing.EndMissingEpisode;

public sealed record EndMissingEpisodeCommand
{
    /// <summary>When they returned or were found: after they went missing, not in the future.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    public string? WhereFound { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records a child's return from missing (L43): children's social care or the police. Starts the 72-hour clock for offering an
/// independent return home interview (T18); the sweep escalates a miss.
/// </summary>
public sealed class EndMissingEpisodeHandler(MissingAccessHandler missing)
{
    public const string Action = "missing-episode.end";

    public Task<Handled<MissingEpisodeView>> HandleAsync(PersonId child, MissingEpisodeId id, EndMissingEpisodeCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return missing.ChangeAsync(child, id, Action, missing.MayRecordAsync, MissingAccessHandler.NotTheirs, (e,
            now) => command.Version is { } version
            ? e.End(command.EndedAt, command.WhereFound, version, now)
            : Refusal.Of(Refusal.VersionField, "Send the version you read"), cancellationToken);
    }
}

public sealed class EndMissingEpisodeEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/children/{id:guid}/missing-episodes/{episodeId:guid}/end", HandleAsync)
            .WithName("EndMissingEpisode")
            .WithSummary("Records a child's return from missing: children's social care or the police (403 otherwise). The return must be "
                         + "after the start and not in the future (400); send the version you read (409 if stale). Starts the 72-hour "
                         + "return home interview clock (T18).")
            .WithTags("Missing episodes");

    private static async Task<Results<Ok<MissingEpisodeView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, Guid episodeId,
        EndMissingEpisodeCommand command, EndMissingEpisodeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), new MissingEpisodeId(episodeId), command, cancellationToken)).ToApiResult();
}
