using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Auditing;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Proceedings.EndProceedings;

[Authorize(Policy = Policies.Professional)]
public sealed class EndProceedingsModel(EndProceedingsHandler handler, ProceedingsAccessHandler proceedings, ChildBannerHandler banner,
    AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public ProceedingsView Proceedings { get; private set; } = null!;

    public bool MayEnd { get; private set; }

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new ProceedingsId(id), cancellationToken))
        {
            return NotFound();
        }

        if (!MayEnd && Proceedings.IsOpen)
        {
            this.ShowRefusal(ProceedingsAccessHandler.NotTheirs);
        }

        Input.EndedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var proceedingsId = new ProceedingsId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(proceedingsId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(proceedingsId, new EndProceedingsCommand { EndedOn = Input.EndedOn, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(handled,
            p => new PageDone($"{ProceedingsWords.Kind(p.Kind)} ended", $"/people/{p.ChildId.Value}/proceedings"),
            () => LoadAsync(proceedingsId, cancellationToken));
    }

    private async Task<bool> LoadAsync(ProceedingsId id, CancellationToken cancellationToken)
    {
        if (await proceedings.ChildOfAsync(id, cancellationToken) is not { } child || !await proceedings.OpenAsync(child, cancellationToken))
        {
            return false;
        }

        await audit.RecordReadAsync("proceedings.view", child, null, cancellationToken);
        Proceedings = (await proceedings.ProceedingsOfAsync(child, cancellationToken)).Single(p => p.Id == id);
        MayEnd = Proceedings.IsOpen && await proceedings.MayChangeAsync(cancellationToken);
        // A re-shown form keeps the version that was posted, so a stale post stays stale.
        Input.Version ??= Proceedings.Version;
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class EndInput
    {
        [Display(Name = "Date the proceedings ended")]
        public DateOnly? EndedOn { get; set; }
        public int? Version { get; set; }
    }
}
