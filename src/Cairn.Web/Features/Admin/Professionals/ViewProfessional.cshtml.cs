using Cairn.Domain;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Professionals;

[Authorize(Policy = Policies.Administrator)]
public sealed class ViewProfessionalModel(ProfessionalsHandler handler) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public ProfessionalAccount Professional { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new ProfessionalId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var professional = new ProfessionalId(id);
        var chosen = Enum.TryParse<AccountAction>(Input.Action, out var action) && Enum.IsDefined(action);
        var outcome = chosen
            ? await handler.ChangeAsync(professional, action, new ChangeAccountCommand { Reason = Input.Reason, Version = Input.Version }, cancellationToken)
            : Outcome<ProfessionalAccount>.Refused(new Refusal("Check what you entered",
                [new("Action", "Select what you want to do"), .. Domain.Agencies.Professional.CheckReason(Input.Reason)?.Errors ?? []]));
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Value.Refusal is not { } refusal)
        {
            TempData["Notice"] = Notice(action, outcome.Value.Value!);
            return Redirect($"/admin/professionals/{id}");
        }

        this.ShowRefusal(refusal);
        if (refusal.IsConflict)
        {
            Input.Version = null;
        }

        return await LoadAsync(professional, cancellationToken) ? Page() : NotFound();
    }

    private static string Notice(AccountAction action, ProfessionalAccount account) => action switch
    {
        AccountAction.Deactivate => "Account deactivated. Their sessions and API tokens have ended and they cannot sign in."
                                    + (account.Holdings.Total > 0 ? " They still hold work that must be passed on: see below." : ""),
        AccountAction.Reactivate => "Account reactivated. They can sign in again.",
        AccountAction.Unlock => "Account unlocked. They can sign in again now.",
        _ => "Signed out everywhere. Their sessions and API tokens have ended; they can sign in again.",
    };

    private async Task<bool> LoadAsync(ProfessionalId id, CancellationToken cancellationToken)
    {
        if (await handler.ViewAsync(id, cancellationToken) is not { } professional)
        {
            return false;
        }

        Professional = professional;
        // After a conflict the form carries the version now held, so what is shown is what the next attempt is checked against.
        Input.Version ??= professional.Version;
        return true;
    }

    public sealed class ChangeInput
    {
        public string? Action { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }
}
