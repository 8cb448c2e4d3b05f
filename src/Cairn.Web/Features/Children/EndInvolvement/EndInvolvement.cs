using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Children.EndInvolvement;

/// <summary>An involvement ending. Version is the one the person ending it saw.</summary>
public sealed record EndInvolvementCommand
{
    [Required]
    public DateOnly? EndedOn { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>
/// Ends an involvement on a date. The lead professional's involvement ends only when nobody else continues, or after the
/// role has moved (<see cref="Domain.Children.TeamAroundChild"/>).
/// </summary>
public sealed class EndInvolvementHandler(InvolvementChangesHandler changes, TimeProvider clock)
{
    public Task<Handled<ChangedInvolvement>> HandleAsync(InvolvementId id, EndInvolvementCommand command, CancellationToken cancellationToken) =>
        changes.ChangeExistingAsync(id, "involvement.end", (team, involvement) =>
        {
            if (command.EndedOn is not { } endedOn)
            {
                return Refusal.Of("EndedOn", "Enter the date the involvement ended");
            }

            return team.End(involvement.Id, endedOn, command.Version ?? 0, clock.Today()) is { } refusal
                ? refusal
                : Outcome<Domain.Children.Involvement>.Success(involvement);
        }, cancellationToken);
}
