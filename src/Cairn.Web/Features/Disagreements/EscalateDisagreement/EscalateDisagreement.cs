using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Disagreements;
using Cairn.Web.Data;

namespace Cairn.Web.Features.Disagreements.EscalateDisagreement;

/// <summary>The current stage could not resolve it: why, and who owns the next stage. Version is the one the owner saw.</summary>
public sealed record EscalateDisagreementCommand
{
    [StringLength(Disagreement.MaxNoteLength)]
    public string? Reason { get; init; }

    public ProfessionalId? NextOwnerId { get; init; }

    [Required(ErrorMessage = "Send the version of the disagreement you read")]
    public int? Version { get; init; }
}

/// <summary>The current stage's owner sends the disagreement up a stage, to an owner senior enough in the child's area (L15).</summary>
public sealed class EscalateDisagreementHandler(CairnDbContext db, DisagreementAccessHandler disagreements, IConfiguration configuration)
{
    /// <returns>Not found when the disagreement does not exist or the professional may not see it.</returns>
    public Task<Handled<ChangedDisagreement>> HandleAsync(DisagreementId id, EscalateDisagreementCommand command,
        CancellationToken cancellationToken) =>
        disagreements.ChangeAsync(id, "disagreement.escalate", async (d, me, now) =>
        {
            // The owner must work in the child's area and be senior enough for the stage; asked only when the step
            // itself would be allowed, so that a stale version or a person who may not escalate gets that answer first.
            if (command.NextOwnerId is { } next && d.MayResolveOrEscalate(me) && d.Version == command.Version
                && d.Stage != Disagreement.LastStage
                && await StageOwners.RefuseOwnerAsync(db, next, await StageOwners.AreaOfChildAsync(db, d.ChildId, cancellationToken),
                    d.Stage + 1, cancellationToken) is { } refused)
            {
                return Refusal.Of(nameof(command.NextOwnerId), refused);
            }

            return d.EscalateToNextStage(command.Reason, command.NextOwnerId, command.Version ?? 0, me,
                DisagreementSettings.RulesFrom(configuration), now);
        }, cancellationToken);
}
