using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Account.YourAccount;

/// <summary>Signed in with the browser only: a token cannot be used to mint or revoke tokens.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class YourAccountModel(YourAccountHandler handler) : PageModel
{
    [BindProperty]
    public IssueTokenInput Input { get; set; } = new();

    public AccountView Account { get; private set; } = null!;

    /// <summary>Set only on the response to issuing a token: the one time its secret is shown.</summary>
    public IssuedToken? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await handler.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.IssueAsync(Input.Name, Input.Days, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddRefusal(refusal);
        }
        else
        {
            Issued = outcome.Value;
            Input = new IssueTokenInput();
            ModelState.Clear();
        }

        // No-store: the page carrying the secret must not be kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        Account = await handler.HandleAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid token, CancellationToken cancellationToken)
    {
        if (!await handler.RevokeAsync(token, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Token revoked. Anything using it can no longer reach Cairn.";
        return Redirect("/account");
    }

    public sealed class IssueTokenInput
    {
        public string? Name { get; set; }
        public int? Days { get; set; } = 90;
    }
}
