using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Proceedings.StartProceedings;

[Authorize(Policy = Policies.Professional)]
public sealed class StartProceedingsModel(StartProceedingsHandler handler, ProceedingsAccessHandler proceedings, ChildBannerHandler banner,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public StartInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public bool MayStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        if (!MayStart)
        {
            this.ShowRefusal(ProceedingsAccessHandler.NotTheirs);
        }

        Input.StartedOn = clock.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(child, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(child, new StartProceedingsCommand { Kind = Input.Kind, StartedOn = Input.StartedOn },
            cancellationToken);
        return await this.AfterChangeAsync(handled,
            p => new PageDone($"{ProceedingsWords.Kind(p.Kind)} started" + (p.FamilyMeetingDueOn is { } due
                ? $". A family group decision-making meeting is due by {Display.Date(due)}"
                : ""), $"/people/{id}/proceedings"),
            () => LoadAsync(child, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId child, CancellationToken cancellationToken)
    {
        if (!await proceedings.OpenAsync(child, cancellationToken))
        {
            return false;
        }

        MayStart = await proceedings.MayChangeAsync(cancellationToken);
        Banner = await banner.LoadAsync(child, cancellationToken);
        return true;
    }

    public sealed class StartInput
    {
        public ProceedingsKind? Kind { get; set; }

        [Display(Name = "Date the proceedings started")]
        public DateOnly? StartedOn { get; set; }
    }
}
