using Cairn.Domain;
using Cairn.Domain.Missing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Web.Features.Missing.RecordReturnInterviewOutcome;

public sealed record RecordReturnInterviewOutcomeCommand
{
    public ReturnInterviewAnswer? Answer { get; init; }

    /// <summary>When it was held, once it has been: from the offer to today; none when declined.</summary>
    public DateOnly? HeldOn { get; init; }

    /// <summary>A short summary of what the child said: shown on the record, never logged.</summary>
    public string? Summary { get; init; }

    /// <summary>The version read.</summary>
    public int? Version { get; init; }
}

/// <summary>Records whether the child accepted or declined the return home interview, and when it was held (T18, L43).</summary>
public sealed class RecordReturnInterviewOutcomeHandler(MissingAccessHandler missing)
{
    public const string Action = "missing-episode.interview-outcome";

    public Task<Handled<MissingEpisodeView>> HandleAsync(PersonId child, MissingEpisodeId id, RecordReturnInterviewOutcomeCommand command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return missing.ChangeAsync(child, id, Action, missing.MayRecordInterviewAsync, MissingAccessHandler.InterviewNotTheirs,
            (e, now) => command.Version is { } version
                ? e.RecordInterviewOutcome(command.Answer, command.HeldOn, command.Summary, version, now)
                : Refusal.Of(Refusal.VersionField, "Send the version you read"), cancellationToken);
    }
}

public sealed class RecordReturnInterviewOutcomeEndpoints : IEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/children/{id:guid}/missing-episodes/{episodeId:guid}/return-interview-outcome", HandleAsync)
            .WithName("RecordReturnInterviewOutcome")
            .WithSummary("Records whether the return home interview was accepted or declined and, once held, the date and a short summary: "
                         + "children's social care only (403 otherwise). Needs an offer first (400); send the version you read (409).")
            .WithTags("Missing episodes");

    private static async Task<Results<Ok<MissingEpisodeView>, ValidationProblem, ProblemHttpResult, NotFound>> HandleAsync(Guid id, Guid episodeId,
        RecordReturnInterviewOutcomeCommand command, RecordReturnInterviewOutcomeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(new PersonId(id), new MissingEpisodeId(episodeId), command, cancellationToken)).ToApiResult();
}
