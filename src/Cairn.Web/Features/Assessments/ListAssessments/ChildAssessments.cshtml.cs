using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.ListAssessments;

[Authorize(Policy = Policies.Professional)]
public sealed class ChildAssessmentsModel(ListAssessmentsHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public ChildAssessments List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new PersonId(id), cancellationToken) is not { } list)
        {
            return NotFound();
        }

        List = list;
        Banner = await banner.LoadAsync(list.ChildId, cancellationToken);
        return Page();
    }
}
