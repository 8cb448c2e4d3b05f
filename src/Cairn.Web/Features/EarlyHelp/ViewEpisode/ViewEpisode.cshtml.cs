using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.ViewEpisode;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewEpisodeModel(ViewEpisodeHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public EpisodeDetails Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new EarlyHelpEpisodeId(episodeId), cancellationToken) is not { } episode)
        {
            return NotFound();
        }

        Episode = episode;
        Banner = await banner.LoadAsync(episode.ChildId, cancellationToken);
        return Page();
    }

    public static string Describe(EpisodeEventView e) => e.Kind switch
    {
        EarlyHelpEventKind.Started => $"Started with {e.ToLead} as lead professional",
        EarlyHelpEventKind.LeadProfessionalChanged => $"Lead professional changed from {e.FromLead} to {e.ToLead}",
        EarlyHelpEventKind.FrontDoorCheckRequested =>
            $"Asked to close ({Display.Text(e.Reason).ToLowerInvariant()}) while concerns remain: sent to the front door to check",
        _ => $"Closed ({Display.Text(e.Reason).ToLowerInvariant()})",
    };
}
