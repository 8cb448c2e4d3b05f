using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Missing;
using Cairn.Web.Features.Missing.EndMissingEpisode;
using Cairn.Web.Features.Missing.OfferReturnInterview;
using Cairn.Web.Features.Missing.RecordReturnInterviewOutcome;
using Cairn.Web.Features.Missing.StartMissingEpisode;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Missing.ListMissingEpisodes;

/// <summary>
/// A child's missing episodes (L43) and the forms that record them: going missing, the return, the offer of a return home interview
/// and whether it was accepted or declined. Each form goes through the handler the API uses, so the same people may do the same
/// things (children's social care and the police record going missing and returning; only children's social care the interview),
/// with the same refusals, the same version check ("changed since you opened it", 409) and the same audit entries.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class ListMissingEpisodesModel(ListMissingEpisodesHandler handler, StartMissingEpisodeHandler start, EndMissingEpisodeHandler end,
    OfferReturnInterviewHandler offer, RecordReturnInterviewOutcomeHandler outcome, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    public ChildMissingEpisodes Missing { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().ToLondon().DateTime;
        Input.StartedAt = now;
        Input.EndedAt = now;
        Input.OfferedAt = now;
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        AfterAsync(id, child => start.HandleAsync(child, new StartMissingEpisodeCommand
        {
            From = Input.From,
            StartedAt = Input.StartedAt is { } at ? Clock.FromLondon(at) : null,
            ReportedBy = Input.ReportedBy,
            Context = Input.Context,
        }, cancellationToken), "Missing episode recorded", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, Guid episodeId, CancellationToken cancellationToken) =>
        AfterAsync(id, child => end.HandleAsync(child, new MissingEpisodeId(episodeId), new EndMissingEpisodeCommand
        {
            EndedAt = Input.EndedAt is { } at ? Clock.FromLondon(at) : null,
            WhereFound = Input.WhereFound,
            Version = Input.Version,
        }, cancellationToken), "Return recorded", cancellationToken);

    public Task<IActionResult> OnPostOfferAsync(Guid id, Guid episodeId, CancellationToken cancellationToken) =>
        AfterAsync(id, child => offer.HandleAsync(child, new MissingEpisodeId(episodeId), new OfferReturnInterviewCommand
        {
            OfferedAt = Input.OfferedAt is { } at ? Clock.FromLondon(at) : null,
            OfferedBy = Input.OfferedBy,
            Version = Input.Version,
        }, cancellationToken), "Return home interview offer recorded", cancellationToken);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid episodeId, CancellationToken cancellationToken) =>
        AfterAsync(id, child => outcome.HandleAsync(child, new MissingEpisodeId(episodeId), new RecordReturnInterviewOutcomeCommand
        {
            Answer = Input.Answer,
            HeldOn = Input.HeldOn,
            Summary = Input.Summary,
            Version = Input.Version,
        }, cancellationToken), "Return home interview outcome recorded", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, Func<PersonId, Task<Handled<MissingEpisodeView>>> step, string notice,
        CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        return await this.AfterChangeAsync(await step(child), _ => new PageDone(notice, $"/people/{id}/missing-episodes"),
            () => LoadAsync(child, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(child, cancellationToken) is not { } page)
        {
            return false;
        }

        Missing = page;
        Banner = await banner.LoadAsync(page.ChildId, cancellationToken);
        return true;
    }

    public sealed class EpisodeInput
    {
        public MissingFrom? From { get; set; }

        [Display(Name = "Date and time they went missing")]
        public DateTime? StartedAt { get; set; }

        public string? ReportedBy { get; set; }

        public string? Context { get; set; }

        [Display(Name = "Date and time they returned or were found")]
        public DateTime? EndedAt { get; set; }

        public string? WhereFound { get; set; }

        [Display(Name = "Date and time the interview was offered")]
        public DateTime? OfferedAt { get; set; }

        public string? OfferedBy { get; set; }

        public ReturnInterviewAnswer? Answer { get; set; }

        [Display(Name = "Date the interview was held")]
        public DateOnly? HeldOn { get; set; }

        public string? Summary { get; set; }

        /// <summary>The version of the episode read.</summary>
        public int? Version { get; set; }
    }
}
