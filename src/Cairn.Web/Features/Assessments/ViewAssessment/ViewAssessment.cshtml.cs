using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.ViewAssessment;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewAssessmentModel(ViewAssessmentHandler handler, ChildBannerHandler banner) : PageModel
{
    public ChildBanner Banner { get; private set; } = null!;

    public AssessmentDetails Assessment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(new AssessmentId(assessmentId), cancellationToken) is not { } assessment)
        {
            return NotFound();
        }

        Assessment = assessment;
        Banner = await banner.LoadAsync(assessment.ChildId, cancellationToken);
        return Page();
    }
}
