using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Disagreements;

namespace Cairn.Web.Features.Disagreements.ResolveDisagreement;

/// <summary>The current stage is resolved: what was agreed (at stage 3, the final decision). Version is the one the owner saw.</summary>
public sealed record ResolveDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Agreed { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

/// <summary>The current stage's owner records what was agreed, closing the disagreement (L15).</summary>
public sealed class ResolveDisagreementHandler(DisagreementAccessHandler disagreements)
{
    /// <returns>Not found when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Handled<ChangedDisagreement>> HandleAsync(DisagreementId id, ResolveDisagreementCommand command,
        CancellationToken cancellationToken) =>
        disagreements.ChangeAsync(id, "disagreement.resolve",
            (d, me, now) => Task.FromResult(d.Resolve(command.Agreed, command.Version ?? 0, me, now)), cancellationToken);
}
