using Cairn.Domain.Placements.Register;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Placements.Register.RecordProvider;

[Authorize(Policy = Policies.Professional)]
public sealed class RecordProviderModel(RecordProviderHandler handler, RegisterAccessHandler register) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (!MayRecord)
        {
            this.ShowRefusal(RegisterAccessHandler.NotTheirs);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ? Page() : Forbid();
        }

        var command = new ProviderCommand { Name = Input.Name, Kind = Input.Kind, Phone = Input.Phone, Email = Input.Email };
        var handled = await handler.HandleAsync(command, cancellationToken);
        return await this.AfterChangeAsync(handled, p => new PageDone($"{p.Name} added: now add its settings",
            $"/placements/settings/new?providerId={p.Id.Value}"), () => LoadAsync(cancellationToken));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await register.MayViewAsync(cancellationToken))
        {
            return false;
        }

        MayRecord = await register.MayChangeAsync(cancellationToken);
        return true;
    }

    public static IEnumerable<(string Value, string Text)> Kinds =>
        Enum.GetValues<ProviderKind>().Select(k => (k.ToString(), $"{ProviderKinds.Of(k)} ({ProviderKinds.Code(k)})"));

    public sealed class ProviderInput
    {
        public string? Name { get; set; }
        public ProviderKind? Kind { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }
}
