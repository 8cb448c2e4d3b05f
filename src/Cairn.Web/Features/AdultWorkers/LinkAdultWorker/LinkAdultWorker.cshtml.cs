using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.People;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.AdultWorkers.LinkAdultWorker;

[Authorize(Policy = Policies.Professional)]
public sealed class LinkAdultWorkerModel(LinkAdultWorkerHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LinkInput Input { get; set; } = new();

    public LinkForm Form { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

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
        var adult = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(adult, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(adult, new LinkAdultWorkerCommand
        {
            ProfessionalId = Input.ProfessionalId is { } p ? new ProfessionalId(p) : null,
            Service = Input.Service,
            StartedOn = Input.StartedOn,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, w => new PageDone($"{w.Name} linked as an allocated worker", $"/people/{id}/allocated-workers"),
            () => LoadAsync(adult, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId adult, CancellationToken cancellationToken)
    {
        if (await handler.FormAsync(adult, cancellationToken) is not { } form)
        {
            return false;
        }

        Form = form;
        Banner = await banner.LoadAsync(adult, cancellationToken);
        return true;
    }

    public sealed class LinkInput
    {
        public Guid? ProfessionalId { get; set; }
        public AdultService? Service { get; set; }

        [Display(Name = "Date the worker was allocated")]
        public DateOnly? StartedOn { get; set; }
    }
}
