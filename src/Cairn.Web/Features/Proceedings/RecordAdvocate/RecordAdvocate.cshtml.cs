using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Proceedings.RecordAdvocate;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordAdvocateModel(RecordAdvocateHandler handler, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public AdvocateInput Input { get; set; } = new();

    public AdvocateForm Form { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid parentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new ProceedingsId(id), new PersonId(parentId), cancellationToken))
        {
            return NotFound();
        }

        Input.Advocate = Form.Parent.Advocate;
        Input.NoAdvocateReason = Form.Parent.NoAdvocateReason;
        if (!Form.MayRecord && Form.Proceedings.IsOpen)
        {
            this.ShowRefusal(ProceedingsAccessHandler.NotTheirs);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid parentId, CancellationToken cancellationToken)
    {
        var proceedings = new ProceedingsId(id);
        var parent = new PersonId(parentId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(proceedings, parent, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(proceedings, new RecordAdvocateCommand
        {
            FamilyMemberId = parent,
            Advocate = Input.Advocate,
            NoAdvocateReason = Input.NoAdvocateReason,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled,
            p => new PageDone("Advocate recorded", $"/people/{p.ChildId.Value}/proceedings"),
            () => LoadAsync(proceedings, parent, cancellationToken));
    }

    private async Task<bool> LoadAsync(ProceedingsId id, PersonId parent, CancellationToken cancellationToken)
    {
        if (await handler.FormAsync(id, parent, cancellationToken) is not { } form)
        {
            return false;
        }

        Form = form;
        // A re-shown form keeps the version that was posted, so a stale post stays stale.
        Input.Version ??= form.Proceedings.Version;
        Banner = await banner.LoadAsync(form.Proceedings.ChildId, cancellationToken);
        return true;
    }

    public sealed class AdvocateInput
    {
        public string? Advocate { get; set; }
        public string? NoAdvocateReason { get; set; }
        public int? Version { get; set; }
    }
}
