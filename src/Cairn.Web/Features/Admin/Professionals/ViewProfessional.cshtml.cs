using Cairn.Domain;
using Cairn.Web.Features.Admin.DeactivateAccount;
using Cairn.Web.Features.Admin.ReactivateAccount;
using Cairn.Web.Features.Admin.SignOutEverywhere;
using Cairn.Web.Features.Admin.UnlockAccount;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Admin.Professionals;

/// <summary>One professional's account: what they hold, and the change an administrator chooses (one verb slice each).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ViewProfessionalModel(
    ProfessionalAccountsHandler accounts,
    DeactivateAccountHandler deactivate,
    ReactivateAccountHandler reactivate,
    UnlockAccountHandler unlock,
    SignOutEverywhereHandler signOutEverywhere) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public ProfessionalAccount Professional { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(new ProfessionalId(id), cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var professional = new ProfessionalId(id);
        var command = new ChangeAccountCommand { Reason = Input.Reason, Version = Input.Version };
        var chosen = Enum.TryParse<AccountAction>(Input.Action, out var action) && Enum.IsDefined(action);
        var handled = !chosen ? NothingChosen() : action switch
        {
            AccountAction.Deactivate => await deactivate.HandleAsync(professional, command, cancellationToken),
            AccountAction.Reactivate => await reactivate.HandleAsync(professional, command, cancellationToken),
            AccountAction.Unlock => await unlock.HandleAsync(professional, command, cancellationToken),
            AccountAction.SignOutEverywhere => await signOutEverywhere.HandleAsync(professional, command, cancellationToken),
            _ => NothingChosen(),
        };
        if (handled.Refusal?.IsConflict == true)
        {
            // After a conflict the form carries the version now held, so what is shown is what the next attempt is checked against.
            Input.Version = null;
        }

        return await this.AfterChangeAsync(handled, account => new PageDone(Notice(action, account), $"/admin/professionals/{id}"),
            () => LoadAsync(professional, cancellationToken));
    }

    private Handled<ProfessionalAccount> NothingChosen() =>
        new Refusal("Check what you entered",
            [new("Action", "Select what you want to do"), .. Domain.Agencies.Professional.CheckReason(Input.Reason)?.Errors ?? []]);

    private static string Notice(AccountAction action, ProfessionalAccount account) => action switch
    {
        AccountAction.Deactivate => "Account deactivated. Their sessions and API tokens have ended and they cannot sign in."
                                    + (account.Holdings.Total > 0 ? " They still hold work that must be passed on: see below." : ""),
        AccountAction.Reactivate => "Account reactivated. They can sign in again.",
        AccountAction.Unlock => "Failed sign-ins cleared. They can sign in now, without waiting.",
        _ => "Signed out everywhere. Their sessions and API tokens have ended; they can sign in again.",
    };

    private async Task<bool> LoadAsync(ProfessionalId id, CancellationToken cancellationToken)
    {
        if (await accounts.ViewAsync(id, cancellationToken) is not { } professional)
        {
            return false;
        }

        Professional = professional;
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
