using Cairn.Domain;
using Cairn.Domain.Missing;
using Cairn.Web.Auditing;
using Cairn.Web.Data;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Web.Features.Missing.StartMissingEpisode;

public sealed record StartMissingEpisodeCommand
{
    public MissingFrom? From { get; init; }

    /// <summary>When they went missing: not in the future, not before they were born.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public string? ReportedBy { get; init; }

    /// <summary>Cause or context, as known: shown on the record, never logged.</summary>
    public string? Context { get; init; }

    /// <summary>When they returned or were found, if they have already (starts the 72-hour interview clock).</summary>
    public DateTimeOffset? EndedAt { get; init; }

    public string? WhereFound { get; init; }
}

/// <summary>
/// Records a child going missing (L43): children's social care or the police, who may open the child's record. One open episode
/// at a time. A return recorded with it starts the 72-hour clock for offering a return home interview (T18).
/// </summary>
public sealed class StartMissingEpisodeHandler(CairnDbContext db, MissingAccessHandler missing, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string Action = "missing-episode.start";

    public async Task<Handled<MissingEpisodeView>> HandleAsync(PersonId child, StartMissingEpisodeCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await missing.OpenAsync(child, cancellationToken) || await missing.ChildAsync(child, cancellationToken) is not (true, var bornOn))
        {
            return Handled.NotFound;
        }

        return await StartAsync(child, bornOn, command, cancellationToken)
            .AuditRefusalAsync(audit, Action, child, MissingAccessHandler.RecordType, null, cancellationToken);
    }

    private async Task<Handled<MissingEpisodeView>> StartAsync(PersonId child, DateOnly? bornOn, StartMissingEpisodeCommand command,
        CancellationToken cancellationToken)
    {
        if (!await missing.MayRecordAsync(cancellationToken))
        {
            return MissingAccessHandler.NotTheirs;
        }

        var now = clock.GetUtcNow();
        var open = await db.MissingEpisodes.AnyAsync(e => e.ChildId == child && e.EndedAt == null, cancellationToken);
        var outcome = MissingEpisode.Start(child, bornOn, command.From, command.StartedAt, command.ReportedBy, command.Context, command.EndedAt,
            command.WhereFound, open, user.ProfessionalId, now);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }

        var episode = outcome.Value!;
        db.MissingEpisodes.Add(episode);
        audit.Record(Action, child, MissingAccessHandler.RecordType, episode.Id.Value, detail: episode.From.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return MissingAccessHandler.View(episode, now);
    }
}

public sealed class StartMissingEpisodeEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/children/{id:guid}/missing-episodes", HandleAsync)
            .WithName("StartMissingEpisode")
            .WithSummary("Records a child going missing (L43): children's social care or the police (403 otherwise). Refuses a start in the "
                         + "future or before the child was born, and a second open episode (400). A return sent with it starts the 72-hour "
                         + "clock for offering a return home interview (T18).")
            .WithTags("Missing episodes");

    private static async Task<Results<Created<MissingEpisodeView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id,
        StartMissingEpisodeCommand command, StartMissingEpisodeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), command, cancellationToken)).ToCreatedResult(_ => $"/api/v1/children/{id}/missing-episodes");
}
