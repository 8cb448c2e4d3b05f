using Cairn.Domain;
using Cairn.Domain.Health;
using Cairn.Web.Features.Health.ChangeDiagnosisStatus;
using Cairn.Web.Features.Shared;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Health.ViewDiagnosis;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewDiagnosisModel(ViewDiagnosisHandler handler, ChangeDiagnosisStatusHandler changeStatus, ChildBannerHandler banner)
    : PageModel
{
    [BindProperty]
    public ChangeStatusInput Input { get; set; } = new();

    public ChildBanner Banner { get; private set; } = null!;

    public DiagnosisDetails Diagnosis { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid diagnosisId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new DiagnosisId(diagnosisId), cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Diagnosis.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid diagnosisId, CancellationToken cancellationToken)
    {
        var id = new DiagnosisId(diagnosisId);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var command = new ChangeDiagnosisStatusCommand { Status = Input.Status, Reason = Input.Reason, Version = Input.Version };
        var handled = await changeStatus.HandleAsync(id, command, cancellationToken);
        return await this.AfterChangeAsync(handled, _ => new PageDone("Diagnosis status changed", $"/diagnoses/{diagnosisId}"),
            () => LoadAsync(id, cancellationToken));
    }

    private async Task<bool> LoadAsync(DiagnosisId id, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, cancellationToken) is not { } diagnosis)
        {
            return false;
        }

        Diagnosis = diagnosis;
        Banner = await banner.LoadAsync(diagnosis.PersonId, cancellationToken);
        return true;
    }

    public sealed class ChangeStatusInput
    {
        public DiagnosisStatus? Status { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
