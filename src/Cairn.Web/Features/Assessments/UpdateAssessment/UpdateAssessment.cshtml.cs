using Cairn.Domain;
using Cairn.Web.Features.Assessments.ViewAssessment;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.UpdateAssessment;

[Authorize(Policy = Policies.Professional)]
public sealed class UpdateAssessmentModel(UpdateAssessmentHandler handler, ViewAssessmentHandler assessments, AssessmentAccessHandler access,
    ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public SectionsInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public AssessmentDetails Assessment { get; private set; } = null!;

    public IReadOnlyList<(AgencyId Id, string Name)> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new AssessmentId(assessmentId), cancellationToken))
        {
            return NotFound();
        }

        var a = Assessment;
        Input = new SectionsInput
        {
            VoiceOfChild = a.VoiceOfChild,
            Health = a.Health,
            GpInvolved = a.GpInvolved,
            Findings = a.Findings,
            Analysis = a.Analysis,
            Recommendations = a.Recommendations,
            ContributingAgencies = a.ContributingAgencies.Select(g => g.Id.Value).ToList(),
            Version = a.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var id = new AssessmentId(assessmentId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(id, new UpdateAssessmentCommand
        {
            VoiceOfChild = Input.VoiceOfChild,
            Health = Input.Health,
            GpInvolved = Input.GpInvolved,
            Findings = Input.Findings,
            Analysis = Input.Analysis,
            Recommendations = Input.Recommendations,
            ContributingAgencies = Input.ContributingAgencies.Select(g => new AgencyId(g)).ToList(),
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, a => new PageDone("Sections saved", $"/assessments/{a.Id.Value}"),
            () => LoadAsync(id, cancellationToken));
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
        Agencies = await access.AgenciesOfChildsAreaAsync(assessment.ChildId, cancellationToken);
        return true;
    }

    public sealed class SectionsInput
    {
        public string? VoiceOfChild { get; set; }
        public string? Health { get; set; }
        public bool? GpInvolved { get; set; }
        public string? Findings { get; set; }
        public string? Analysis { get; set; }
        public string? Recommendations { get; set; }
        public List<Guid> ContributingAgencies { get; set; } = [];
        public int? Version { get; set; }
    }
}
