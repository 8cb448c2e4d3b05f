using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Chronology.RecordEntry;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordEntryModel(RecordEntryHandler handler, RecordAccessService access, ChildBannerHandler banner, Children.ViewChild.ViewChildHandler child,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public RecordEntryInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    /// <summary>The child's recent history across all agencies, shown before recording anything new (L03).</summary>
    public Children.ViewChild.ChronologyPage Recent { get; private set; } = null!;

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

        var outcome = await handler.HandleAsync(personId, Input.ToCommand(), cancellationToken);
        if (outcome is not { } result)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        TempData["Notice"] = "Chronology entry added";
        return Redirect($"/people/{id}#chronology");
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        Recent = await child.ChronologyAsync(id, new Children.ViewChild.ChronologyFilter(IncludeHousehold: true), clock.Today(), cancellationToken);
        return true;
    }

    public sealed class RecordEntryInput : EntryContentInput
    {
        public bool IncludeHouseholdChildren { get; set; }

        public RecordEntryCommand ToCommand() => Fill(new RecordEntryCommand { IncludeHouseholdChildren = IncludeHouseholdChildren });
    }
}
