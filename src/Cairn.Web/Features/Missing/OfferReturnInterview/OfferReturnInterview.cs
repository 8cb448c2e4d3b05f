using Cairn.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Missing.OfferReturnInterview;

public sealed record OfferReturnInterviewCommand
{
    /// <summary>When it was offered: from the return to now.</summary>
    public DateTimeOffset? OfferedAt { get; init; }

    /// <summary>Who offered it: a person or the commissioned return interview service.</summary>
    public string? OfferedBy { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Records the offer of an independent return home interview (T18, L43): children's social care only. Stops the escalation
/// clock; an offer made after the 72 hours is still recorded, and the episode stays marked as having been overdue.
/// </summary>
public sealed class OfferReturnInterviewHandler(MissingAccessHandler missing)
{
    public const string Action = "missing-episode.interview-offer";

    public Task<Handled<MissingEpisodeView>> HandleAsync(PersonId child, MissingEpisodeId id, OfferReturnInterviewCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return missing.ChangeAsync(child, id, Action, missing.MayRecordInterviewAsync, MissingAccessHandler.InterviewNotTheirs,
            (e, now) => command.Version is { } version
                ? e.OfferInterview(command.OfferedAt, command.OfferedBy, version, now)
                : Refusal.Of(Refusal.VersionField, "Send the version you read"), cancellationToken);
    }
}

public sealed class OfferReturnInterviewEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/children/{id:guid}/missing-episodes/{episodeId:guid}/return-interview-offer", HandleAsync)
            .WithName("OfferReturnInterview")
            .WithSummary("Records the offer of an independent return home interview (T18: within 72 hours of the return): children's social "
                         + "care only (403 otherwise). The offer must be after the return and not in the future (400); send the version "
                         + "you read (409 if stale).")
            .WithTags("Missing episodes");

    private static async Task<Results<Ok<MissingEpisodeView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, Guid episodeId,
        OfferReturnInterviewCommand command, OfferReturnInterviewHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), new MissingEpisodeId(episodeId), command, cancellationToken)).ToApiResult();
}
