using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Chronology.RecordEntry;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordEntryModel(RecordEntryHandler handler, RecordAccessService access, ChildBannerHandler banner,
    ChildChronologyHandler chronologies, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RecordEntryInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    /// <summary>The child's recent history across all agencies, shown before recording anything new (L03).</summary>
    public ChronologyPage Recent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.OccurredAt = clock.GetUtcNow().ToLondon().DateTime;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        return await this.AfterChangeAsync(recorded, _ => new PageDone("Chronology entry added", $"/people/{id}#chronology"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Recent = await chronologies.ReadAsync(id, new ChronologyFilter(IncludeHousehold: true), clock.Today(), cancellationToken);
        return true;
    }

    public sealed class RecordEntryInput : EntryContentInput
    {
        public bool IncludeHouseholdChildren { get; set; }

        public RecordEntryCommand ToCommand() => Fill(new RecordEntryCommand { IncludeHouseholdChildren = IncludeHouseholdChildren });
    }
}
