using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Domain.Education;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Children.Education;

[Authorize(Policy = Policies.Professional)]
public sealed class EducationModel(EducationHandler handler, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public EducationInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public EducationDetails Education { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new PersonId(id), cancellationToken))
        {
            return NotFound();
        }

        Input = new EducationInput
        {
            Status = Education.Status,
            Since = Education.Since,
            HasComplexNeeds = Education.HasComplexNeeds,
            ComplexNeeds = Education.ComplexNeeds,
            Version = Education.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var childId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await handler.RecordAsync(childId, new RecordEducationCommand
        {
            Status = Input.Status,
            Since = Input.Since,
            HasComplexNeeds = Input.HasComplexNeeds,
            ComplexNeeds = Input.ComplexNeeds,
            Reason = Input.Reason,
            Version = Input.Version,
        }, cancellationToken);
        return await this.AfterChangeAsync(recorded, _ => new PageDone("Education details saved", $"/people/{id}/education"),
            () => LoadAsync(childId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } education)
        {
            return false;
        }

        Education = education;
        Input.Version = education.Version;
        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class EducationInput
    {
        public EducationStatus? Status { get; set; }
        [Display(Name = "Date the education status began")]
        public DateOnly? Since { get; set; }
        public bool HasComplexNeeds { get; set; }
        public string? ComplexNeeds { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
