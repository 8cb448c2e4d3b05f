using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Security;

namespace Cairn.Web.Features.EarlyHelp.ChangeLeadProfessional;

/// <summary>A new lead professional and why. Version is the one the person saw.</summary>
public sealed record ChangeLeadProfessionalCommand
{
    public ProfessionalId? LeadProfessionalId { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    [Required]
    public int? Version { get; init; }
}

/// <summary>Names a new lead professional from the team around the child (L19); the previous one stays in the history.</summary>
public sealed class ChangeLeadProfessionalHandler(EarlyHelpAccessHandler earlyHelp, CurrentUser user)
{
    public Task<Handled<ChangedEpisode>> HandleAsync(EarlyHelpEpisodeId id, ChangeLeadProfessionalCommand command,
        CancellationToken cancellationToken) =>
        earlyHelp.ChangeAsync(id, "early-help.change-lead", "LeadProfessionalId", async (episode, now) =>
        {
            var involved = await earlyHelp.IsInTeamAsync(episode.ChildId, command.LeadProfessionalId, cancellationToken);
            return episode.ChangeLead(command.LeadProfessionalId, involved, command.Reason, command.Version ?? 0, user.ProfessionalId, now)
                is { } refusal
                ? refusal
                : Outcome<string>.Success("early-help.change-lead");
        }, cancellationToken);
}
