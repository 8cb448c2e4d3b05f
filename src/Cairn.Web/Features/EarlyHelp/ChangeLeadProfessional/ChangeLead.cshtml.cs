using Cairn.Domain;
using Cairn.Web.Features.EarlyHelp.ViewEpisode;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.ChangeLeadProfessional;

[Authorize(Policy = Policies.Professional)]
public sealed class ChangeLeadModel(ChangeLeadProfessionalHandler handler, ViewEpisodeHandler episodes, EarlyHelpAccessHandler earlyHelp,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ChangeLeadInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EpisodeDetails Episode { get; private set; } = null!;

    public IReadOnlyList<TeamMemberOption> Team { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid episodeId, CancellationToken cancellationToken) =>
        await LoadAsync(new EarlyHelpEpisodeId(episodeId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        var id = new EarlyHelpEpisodeId(episodeId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var changed = await handler.HandleAsync(id, new ChangeLeadProfessionalCommand
        {
            LeadProfessionalId = Input.LeadProfessionalId is { } lead ? new ProfessionalId(lead) : null,
            Reason = Input.Reason,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(changed, _ => new PageDone("Lead professional changed", $"/early-help/{episodeId}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken)
    {
        if (await episodes.HandleAsync(id, cancellationToken) is not { } episode)
        {
            return false;
        }

        Episode = episode;
        Input.Version = episode.Version;
        Banner = await banner.LoadAsync(episode.ChildId, cancellationToken);
        Team = await earlyHelp.LeadOptionsAsync(episode.ChildId, cancellationToken);
        return true;
    }

    public sealed class ChangeLeadInput
    {
        public Guid? LeadProfessionalId { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
