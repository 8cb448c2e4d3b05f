using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cairn.Web.Features.Placements.Register.ChangeSetting;

[Authorize(Policy = Policies.Professional)]
public sealed class ChangeSettingModel(ChangeSettingHandler handler, RegisterAccessHandler register) : SettingFormPage
{
    public SettingView Setting { get; private set; } = null!;

    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(new SettingId(id), cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!MayChange)
        {
            this.ShowRefusal(RegisterAccessHandler.NotTheirs);
        }

        Input.CopyFrom(Setting.Details);
        Input.Version = Setting.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var setting = new SettingId(id);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(setting, cancellationToken) ?? Page();
        }

        var handled = await handler.HandleAsync(setting, Input, cancellationToken);
        return await this.AfterChangeAsync(handled, s => new PageDone($"{s.Details.Name} changed", $"/placements/settings/{id}"),
            async () =>
            {
                var loaded = await LoadAsync(setting, cancellationToken) is null;
                Input.Version = Setting.Version;
                return loaded;
            });
    }

    private async Task<IActionResult?> LoadAsync(SettingId id, CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return Forbid();
        }

        if (await register.SettingAsync(id, cancellationToken) is not { } setting)
        {
            return NotFound();
        }

        Setting = setting;
        MayChange = await register.MayChangeAsync(cancellationToken);
        return null;
    }
}
