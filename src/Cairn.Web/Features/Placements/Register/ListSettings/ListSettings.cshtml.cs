using Cairn.Domain.Placements;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Register.ListSettings;

[Authorize(Policy = Policies.Professional)]
public sealed class ListSettingsModel(ListSettingsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SettingType? Type { get; set; }

    /// <summary>"in", "out" or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Where { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool WithVacancies { get; set; }

    public SettingList Register { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var inArea = Where switch
        {
            "in" => true,
            "out" => (bool?)false,
            _ => null,
        };
        var handled = await handler.HandleAsync(new SettingFilter(Type, inArea, WithVacancies), cancellationToken);
        if (!handled.IsDone)
        {
            return Forbid();
        }

        Register = handled.Value!;
        return Page();
    }
}
