using System.ComponentModel.DataAnnotations;
using Cairn.Domain;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Health.RecordDiagnosis;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordDiagnosisModel(RecordDiagnosisHandler handler, RecordAccessService access, ChildBannerHandler banner) : PageModel
{
    [BindProperty]
    public RecordDiagnosisInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new PersonId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var personId = new PersonId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
        }

        var handled = await handler.HandleAsync(personId, new RecordDiagnosisCommand
        {
            Condition = Input.Condition,
            DiagnosedOn = Input.DiagnosedOn,
            Source = Input.Source,
            Notes = Input.Notes,
        }, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Diagnosis recorded", $"/people/{id}#diagnoses"),
            () => LoadAsync(personId, cancellationToken));
    }

    private async Task<bool> LoadAsync(PersonId id, CancellationToken cancellationToken)
    {
        if (!(await access.DecideAsync(id, cancellationToken)).Allowed)
        {
            return false;
        }

        Banner = await banner.LoadAsync(id, cancellationToken);
        return true;
    }

    public sealed class RecordDiagnosisInput
    {
        public string? Condition { get; set; }
        [Display(Name = "Date of diagnosis")]
        public DateOnly? DiagnosedOn { get; set; }
        public string? Source { get; set; }
        public string? Notes { get; set; }
    }
}
