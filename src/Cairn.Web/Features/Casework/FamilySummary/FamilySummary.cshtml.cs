using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Casework.FamilySummary;

[Authorize(Policy = Policies.Professional)]
public sealed class FamilySummaryModel(FamilySummaryHandler handler) : PageModel
{
    public FamilySummaryView Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        return Page();
    }
}
