using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.AdultWorkers.EndAdultWorker;

[Authorize(Policy = Policies.Professional)]
public sealed class EndAdultWorkerModel(EndAdultWorkerHandler handler, ChildBannerHandler banner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public AdultWorkerView Worker { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, long workerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), workerId, cancellationToken))
        {
            return NotFound();
        }

        Input.EndedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, long workerId, CancellationToken cancellationToken)
    {
        var adult = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(adult, workerId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(adult, workerId, new EndAdultWorkerCommand { EndedOn = Input.EndedOn, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(handled, w => new PageDone($"{w.Name}'s allocation ended", $"/people/{id}/allocated-workers"),
            () => LoadAsync(adult, workerId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId adult, long workerId, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(adult, workerId, cancellationToken) is not { } worker)
        {
            return false;
        }

        Worker = worker;
        // A re-shown form keeps the version that was posted, so a stale post stays stale.
        Input.Version ??= worker.Version;
        Banner = await banner.LoadAsync(adult, cancellationToken);
        return true;
    }

    public sealed class EndInput
    {
        [Display(Name = "Date the allocation ended")]
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }
    }
}
