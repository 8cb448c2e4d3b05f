using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Web.Features.EarlyHelp.CompleteClosure;
using Cairn.Web.Features.EarlyHelp.ViewEpisode;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.CloseEpisode;

[Authorize(Policy = Policies.Professional)]
public sealed class CloseEpisodeModel(CloseEpisodeHandler close, CompleteClosureHandler complete, ViewEpisodeHandler episodes,
    ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EpisodeDetails Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid episodeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new EarlyHelpEpisodeId(episodeId), cancellationToken))
        {
            return NotFound();
        }

        Input.ClosedOn = clock.Today();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid episodeId, CancellationToken cancellationToken) =>
        ActAsync(episodeId, id => close.HandleAsync(id, new CloseEpisodeCommand
        {
            Reason = Input.Reason,
            ClosedOn = Input.ClosedOn,
            Note = Input.Note,
            Version = Input.Version,
        }, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid episodeId, CancellationToken cancellationToken) =>
        ActAsync(episodeId, id => complete.HandleAsync(id, new CompleteClosureCommand { Version = Input.Version }, cancellationToken),
            cancellationToken);

    private async Task<IActionResult> ActAsync(Guid episodeId, Func<EarlyHelpEpisodeId, Task<Handled<ChangedEpisode>>> act,
        CancellationToken cancellationToken)
    {
        var id = new EarlyHelpEpisodeId(episodeId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await act(id), changed => new PageDone(
                changed.Status == EarlyHelpStatus.Closed
                    ? "Early help episode closed"
                    : "Concerns remain: the front door has been asked to check before the episode closes",
                $"/early-help/{episodeId}"),
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
        return true;
    }

    public sealed class CloseInput
    {
        public ClosureReason? Reason { get; set; }
        [Display(Name = "Date closed")]
        public DateOnly? ClosedOn { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }
}
