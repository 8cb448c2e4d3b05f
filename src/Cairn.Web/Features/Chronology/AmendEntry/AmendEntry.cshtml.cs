using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Chronology.AmendEntry;

[Authorize(Policy = Policies.Professional)]
public sealed class AmendEntryModel(AmendEntryHandler handler, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public AmendEntryInput Input { get; set; } = new();

    public EntryDetails Entry { get; private set; } = null!;

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid entryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new ChronologyEntryId(entryId), cancellationToken))
        {
            return NotFound();
        }

        Input.From(Entry.Content);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var id = new ChronologyEntryId(entryId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var amended = await handler.AmendAsync(id, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(amended,
            _ => new PageDone("Entry amended. The original is kept in its history.", $"/chronology/{entryId}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(ChronologyEntryId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } entry)
        {
            return false;
        }

        Entry = entry;
        Input.Version = entry.Version;
        Banner = await banner.LoadAsync(entry.Subjects[0].Id, cancellationToken);
        return true;
    }

    public sealed class AmendEntryInput : EntryContentInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }

        public AmendEntryCommand ToCommand() => Fill(new AmendEntryCommand { Reason = Reason, Version = Version });
    }
}
