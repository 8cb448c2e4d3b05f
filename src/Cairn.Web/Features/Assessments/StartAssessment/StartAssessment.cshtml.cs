using Cairn.Domain;
using Cairn.Domain.Casework;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Assessments.StartAssessment;

[Authorize(Policy = Policies.Professional)]
public sealed class StartAssessmentModel(StartAssessmentHandler handler, ChildBannerHandler banner, CurrentUser user, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public StartInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public StartOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input.StartedOn = clock.Today();
        Input.LeadId = user.ProfessionalId.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var childId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
        }

        var started = await handler.HandleAsync(childId, new StartAssessmentCommand
        {
            Type = Input.Type,
            Basis = Input.Basis,
            Name = Input.Name,
            SubjectId = Input.SubjectId is { } subject ? new PersonId(subject) : null,
            StartedOn = Input.StartedOn,
            ReferralId = Input.ReferralId is { } referral ? new ContactId(referral) : null,
            EnquiryId = Input.EnquiryId is { } enquiry ? new Section47EnquiryId(enquiry) : null,
            LeadId = Input.LeadId is { } lead ? new ProfessionalId(lead) : null,
        }, cancellationToken);
        return await this.AfterChangeAsync(started,
            a => new PageDone(a.DueOn is { } due ? $"Assessment started: due by {Display.Date(due)}" : "Assessment started",
                $"/assessments/{a.Id.Value}"),
            () => LoadAsync(childId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.OptionsAsync(id, cancellationToken) is not { } options)
        {
            return false;
        }

        Options = options;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class StartInput
    {
        public AssessmentType? Type { get; set; }
        public AssessmentBasis? Basis { get; set; }
        public string? Name { get; set; }
        public Guid? SubjectId { get; set; }
        public DateOnly? StartedOn { get; set; }
        public Guid? ReferralId { get; set; }
        public Guid? EnquiryId { get; set; }
        public Guid? LeadId { get; set; }
    }
}
