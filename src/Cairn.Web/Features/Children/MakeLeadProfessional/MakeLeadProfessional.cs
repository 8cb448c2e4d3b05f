using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Children;
using Cairn.Web.Security;

namespace Cairn.Web.Features.Children.MakeLeadProfessional;

/// <summary>Moving the lead professional role to this involvement. Version is the one the person saw.</summary>
public sealed record MakeLeadCommand
{
    [Required]
    public int? Version { get; init; }
}

/// <summary>Makes this involvement's professional the lead professional, in place of the current one (L19).</summary>
public sealed class MakeLeadProfessionalHandler(InvolvementChangesHandler changes, TimeProvider clock)
{
    public Task<Handled<ChangedInvolvement>> HandleAsync(InvolvementId id, MakeLeadCommand command, CancellationToken cancellationToken) =>
        changes.ChangeExistingAsync(id, "involvement.make-lead", (team, involvement) =>
        {
            if (involvement.Version != command.Version)
            {
                return InvolvementChangesHandler.Stale;
            }

            return team.MakeLead(involvement.Id, clock.Today()) is { } refusal ? refusal : Outcome<Involvement>.Success(involvement);
        }, cancellationToken);
}
