using Cairn.Domain.Placements;
using Cairn.Domain.Placements.Register;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Web.Features.Placements.Register.RecordSetting;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordSettingModel(RecordSettingHandler handler, RegisterAccessHandler register) : SettingFormPage
{
    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? providerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (!MayRecord)
        {
            this.ShowRefusal(RegisterAccessHandler.NotTheirs);
        }

        Input.ProviderId = providerId;
        Input.LastJudgement = RegulatorJudgement.NotYetInspected;
        Input.Staffing = StaffingRatio.AsRegistered;
        Input.Sexes = SexesAccepted.Any;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ? Page() : Forbid();
        }

        var handled = await handler.HandleAsync(Input, cancellationToken);
        return await this.AfterChangeAsync(handled,
            s => new PageDone($"{s.Details.Name} added to the register", $"/placements/settings/{s.Id.Value}"),
            () => LoadAsync(cancellationToken));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return false;
        }

        MayRecord = await register.MayChangeAsync(cancellationToken);
        Providers = await register.ProvidersAsync(null, cancellationToken);
        return true;
    }
}
