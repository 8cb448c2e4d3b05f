using Cairn.Domain;
using Cairn.Web.Features.Assessments.ViewAssessment;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.ReturnAssessment;

[Authorize(Policy = Policies.Professional)]
public sealed class ReturnAssessmentModel(ReturnAssessmentHandler handler, ViewAssessmentHandler assessments, ChildBannerHandler banner)
    : PageModel
{
    [BindProperty]
    public StepInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public AssessmentDetails Assessment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await LoadAsync(new AssessmentId(assessmentId), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var id = new AssessmentId(assessmentId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(id, new ReturnAssessmentCommand { Reason = Input.Reason, Version = Input.Version },
            cancellationToken);
        return await this.AfterChangeAsync(handled, a => new PageDone("Returned to the lead", $"/assessments/{a.Id.Value}"),
            () => LoadAsync(id, cancellationToken), fieldFor: f => f is "Reason" or "Version" ? $"Input.{f}" : string.Empty);
    }

    private async Task<bool> LoadAsync(AssessmentId id, CancellationToken cancellationToken)
    {
        if (await assessments.HandleAsync(id, cancellationToken) is not { } assessment)
        {
            return false;
        }

        Assessment = assessment;
        Input.Version = assessment.Version;
        Banner = await banner.LoadAsync(assessment.ChildId, cancellationToken);
        return true;
    }

    public sealed class StepInput
    {
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
