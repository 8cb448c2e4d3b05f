using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Disagreements;

namespace Cairn.Web.Features.Disagreements.WithdrawDisagreement;

/// <summary>The professional who raised it takes it back, with why. Version is the one they saw.</summary>
public sealed record WithdrawDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Reason { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

/// <summary>The professional who raised the disagreement withdraws it, with why (L15).</summary>
public sealed class WithdrawDisagreementHandler(DisagreementAccessHandler disagreements)
{
    /// <returns>Not found when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Handled<ChangedDisagreement>> HandleAsync(DisagreementId id, WithdrawDisagreementCommand command,
        CancellationToken cancellationToken) =>
        disagreements.ChangeAsync(id, "disagreement.withdraw",
            (d, me, now) => Task.FromResult(d.Withdraw(command.Reason, command.Version ?? 0, me, now)), cancellationToken);
}
