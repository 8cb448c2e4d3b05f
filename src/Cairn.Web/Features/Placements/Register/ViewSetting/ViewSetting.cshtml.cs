using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Register.ViewSetting;

[Authorize(Policy = Policies.Professional)]
public sealed class ViewSettingModel(ViewSettingHandler handler, RegisterAccessHandler register, PlacementResidentsHandler residents)
    : PageModel
{
    public SettingView Setting { get; private set; } = null!;

    public IReadOnlyList<SettingResident> Residents { get; private set; } = [];

    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var handled = await handler.HandleAsync(new SettingId(id), cancellationToken);
        switch (handled.As)
        {
            case HandledAs.NotFound:
                return NotFound();
            case HandledAs.Refused:
                return Forbid();
        }

        Setting = handled.Value!;
        Residents = await residents.OfSettingAsync(Setting.Id, cancellationToken);
        MayChange = await register.MayChangeAsync(cancellationToken);
        return Page();
    }
}
