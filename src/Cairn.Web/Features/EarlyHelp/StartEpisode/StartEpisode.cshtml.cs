using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.EarlyHelp;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.EarlyHelp.StartEpisode;

[Authorize(Policy = Policies.Professional)]
public sealed class StartEpisodeModel(StartEpisodeHandler handler, EarlyHelpAccessHandler earlyHelp, RecordAccessService access,
    ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StartEpisodeInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public IReadOnlyList<TeamMemberOption> Team { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.StartedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var childId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
        }

        var started = await handler.HandleAsync(childId, new StartEpisodeCommand
        {
            StartedOn = Input.StartedOn,
            LeadProfessionalId = Input.LeadProfessionalId is { } lead ? new ProfessionalId(lead) : null,
            ConsentGivenBy = Input.ConsentGivenBy,
            ConsentGivenOn = Input.ConsentGivenOn,
            ConsentMethod = Input.ConsentMethod,
            PlanSummary = Input.PlanSummary,
        }, cancellationToken);
        return await this.AfterChangeAsync(started, e => new PageDone("Early help started. Now start its early help plan.",
                $"/early-help/{e.Id.Value}"),
            () => LoadAsync(childId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Team = await earlyHelp.LeadOptionsAsync(id, cancellationToken);
        return true;
    }

    public sealed class StartEpisodeInput
    {
        [Display(Name = "Date early help started")]
        public DateOnly? StartedOn { get; set; }
        public Guid? LeadProfessionalId { get; set; }
        public string? ConsentGivenBy { get; set; }
        [Display(Name = "Date consent was given")]
        public DateOnly? ConsentGivenOn { get; set; }
        public ConsentMethod? ConsentMethod { get; set; }

        /// <summary>No longer on the form: a form posted with it (an old page) is refused with a message pointing to the plan.</summary>
        public string? PlanSummary { get; set; }
    }
}
