using Cairn.Web.Features.Account.IssueApiToken;
using Cairn.Web.Features.Account.RevokeApiToken;
using Cairn.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cairn.Web.Features.Account.YourAccount;

/// <summary>Signed in with the browser only: a token cannot be used to mint or revoke tokens.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class YourAccountModel(YourAccountHandler handler, IssueApiTokenHandler issueToken, RevokeApiTokenHandler revokeToken)
    : PageModel
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
        var issued = await issueToken.HandleAsync(Input.Name, Input.Days, cancellationToken);
        if (issued.Refusal is { } refusal)
        {
            this.ShowRefusal(refusal);
        }
        else
        {
            Issued = issued.Value;
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
        var revoked = await revokeToken.HandleAsync(token, cancellationToken);
        return await this.AfterChangeAsync(revoked, _ => new PageDone("Token revoked. Anything using it can no longer reach Cairn.", "/account"),
            () => Task.FromResult(false));
    }

    public sealed class IssueTokenInput
    {
        public string? Name { get; set; }
        public int? Days { get; set; } = 90;
    }
}
