using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.EarlyHelp.CompleteClosure;

/// <summary>Completing a closure that waited for the front door check (L18). Version is the one the person saw.</summary>
public sealed record CompleteClosureCommand
{
    [Required]
    public int? Version { get; init; }
}

/// <summary>Completes a closure that awaited the front door check, once the front door contact is decided and signed off (L18).</summary>
public sealed class CompleteClosureHandler(EarlyHelpAccessHandler earlyHelp, CurrentUser user)
{
    public Task<Handled<ChangedEpisode>> HandleAsync(EarlyHelpEpisodeId id, CompleteClosureCommand command, CancellationToken cancellationToken) =>
        earlyHelp.ChangeAsync(id, "early-help.complete-closure", "Reason", async (episode, now) =>
        {
            var decided = await earlyHelp.FrontDoorCheckDecidedAsync(episode, cancellationToken);
            var step = episode.CompleteClosure(decided, command.Version ?? 0, user.ProfessionalId, now);
            return step.Refusal is { } refusal ? refusal : Outcome<string>.Success("early-help.complete-closure");
        }, cancellationToken);
}
