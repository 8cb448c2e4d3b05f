using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.Episodes;

[Authorize(Policy = Policies.Professional)]
public sealed class ChangeLeadModel(EarlyHelpHandler handler, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public ChangeLeadInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EpisodeDetails Episode { get; private set; } = null!;

    public IReadOnlyList<TeamMemberOption> Team { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new EarlyHelpEpisodeId(episodeId), cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Episode.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        var id = new EarlyHelpEpisodeId(episodeId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await handler.ChangeLeadAsync(id, new ChangeLeadProfessionalCommand
        {
            LeadProfessionalId = Input.LeadProfessionalId is { } lead ? new ProfessionalId(lead) : null,
            Reason = Input.Reason,
            Version = Input.Version,
        }, cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = "Lead professional changed";
        return Redirect($"/early-help/{episodeId}");
    }

    private async Task<bool> LoadAsync(EarlyHelpEpisodeId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } episode)
        {
            return false;
        }

        Episode = episode;
        Banner = await banner.LoadAsync(episode.ChildId, cancellationToken);
        Team = await handler.LeadOptionsAsync(episode.ChildId, cancellationToken);
        return true;
    }

    public sealed class ChangeLeadInput
    {
        public Guid? LeadProfessionalId { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
